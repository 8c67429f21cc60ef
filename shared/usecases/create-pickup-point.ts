import { randomBytes } from 'node:crypto';
import type { Actor } from '../domain/attribution.js';
import type { CreatePickupPointInput, PickupPoint } from '../domain/pickup-point.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface CreatePickupPointDeps {
  stores: Pick<Stores, 'shelters'>;
  now: () => Date;
}

/** Adds a pickup point to an existing shelter, recording who added it and when. */
export async function createPickupPoint(
  input: CreatePickupPointInput & { shelterId: string },
  actor: Actor,
  deps: CreatePickupPointDeps,
): Promise<PickupPoint> {
  if ((await deps.stores.shelters.get(input.shelterId)) === undefined)
    throw new NotFoundError('Shelter', input.shelterId);
  const point: PickupPoint = {
    // Pickup point ids are global (a redemption names only the point), so generated ones are random.
    id: input.id ?? `pp-${randomBytes(5).toString('hex')}`,
    shelterId: input.shelterId,
    name: input.name,
    ...(input.nameKm === undefined ? {} : { nameKm: input.nameKm }),
    createdAt: deps.now().toISOString(),
    createdBy: actor.keyId,
  };
  await deps.stores.shelters.createPickupPoint(point);
  return point;
}
