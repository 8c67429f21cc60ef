import type { Actor } from '../domain/attribution.js';
import type { Shelter, ShelterPatch } from '../domain/shelter.js';
import type { Stores } from '../store/stores.js';

export interface UpdateShelterDeps {
  stores: Pick<Stores, 'shelters'>;
  now: () => Date;
}

/** Changes a shelter's fields, recording who changed it last and when. */
export async function updateShelter(
  input: ShelterPatch & { shelterId: string },
  actor: Actor,
  deps: UpdateShelterDeps,
): Promise<Shelter> {
  const { shelterId, ...patch } = input;
  return deps.stores.shelters.update(shelterId, patch, {
    updatedAt: deps.now().toISOString(),
    updatedBy: actor.keyId,
  });
}
