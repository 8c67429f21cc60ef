import type { Principal } from '../domain/api-key.js';
import { type ShelterView, shelterView, shelterVisibleTo } from '../domain/shelter.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export type ShelterReadDeps = { stores: Pick<Stores, 'shelters'> };

/** One shelter as the viewer may see it; one outside the key's scope answers as a missing one. */
export async function getShelter(
  input: { shelterId: string },
  viewer: Principal,
  deps: ShelterReadDeps,
): Promise<ShelterView> {
  const shelter = await deps.stores.shelters.get(input.shelterId);
  if (shelter === undefined || !shelterVisibleTo(shelter, viewer))
    throw new NotFoundError('Shelter', input.shelterId);
  return shelterView(shelter, viewer);
}
