import { randomBytes } from 'node:crypto';
import type { PickupPoint } from '../domain/pickup-point.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { ShelterStore } from '../store/shelter-store.js';

export interface CreatePickupPointDeps {
  shelters: Pick<ShelterStore, 'get' | 'createPickupPoint'>;
  now: () => Date;
}

export async function createPickupPoint(
  shelterId: string,
  input: { id?: string | undefined; name: string },
  deps: CreatePickupPointDeps,
): Promise<PickupPoint> {
  if ((await deps.shelters.get(shelterId)) === undefined) throw new NotFoundError('Shelter', shelterId);
  const point: PickupPoint = {
    // Pickup point ids are global (a redemption names only the point), so generated ones are random.
    id: input.id ?? `pp-${randomBytes(5).toString('hex')}`,
    shelterId,
    name: input.name,
    createdAt: deps.now().toISOString(),
  };
  await deps.shelters.createPickupPoint(point);
  return point;
}
