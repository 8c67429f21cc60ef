import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

type ScopeDeps = { stores: Pick<Stores, 'shelters'> };

/** The pickup point a volunteer acts at: it must exist and be in the key's scope. */
export async function loadVolunteerPickupPoint(
  pickupPointId: string,
  actor: Principal,
  deps: ScopeDeps,
): Promise<PickupPoint> {
  if (actor.role !== 'admin' && !scopeAllows(actor.scope.pickupPointIds, pickupPointId)) {
    throw new ForbiddenError(`This key may not hand over stock at pickup point "${pickupPointId}".`);
  }
  const point = await deps.stores.shelters.getPickupPoint(pickupPointId);
  if (point === undefined) throw new NotFoundError('Pickup point', pickupPointId);
  if (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, point.shelterId)) {
    throw new ForbiddenError(`This key may not hand over stock at shelter "${point.shelterId}".`);
  }
  return point;
}
