import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import { voucherRejections } from '../errors/voucher-errors.js';
import type { Stores } from '../store/stores.js';

/**
 * Which vouchers a volunteer key may see and hand over. A volunteer key names the pickup points it
 * serves (or `*`, an admin's explicit choice). At a pickup point it may verify and redeem any
 * partner organisation's voucher issued for that pickup point's shelter: stock belongs to the
 * shelter, and one shelter's volunteers serve every partner. A voucher of a shelter none of its
 * pickup points belongs to answers `voucher-wrong-shelter`, and nothing about its state.
 */

type ScopeDeps = { stores: Pick<Stores, 'shelters'> };

/**
 * The pickup point a volunteer acts at: it must exist (an unknown id is a 404 naming it, most
 * often a typing mistake) and be in the key's scope (a known one outside it is a 403). Pickup
 * point ids are no secret: they are how volunteers and their keys name where they stand.
 */
export async function loadVolunteerPickupPoint(
  pickupPointId: string,
  actor: Principal,
  deps: ScopeDeps,
): Promise<PickupPoint> {
  const point = await deps.stores.shelters.getPickupPoint(pickupPointId);
  if (point === undefined) throw new NotFoundError('Pickup point', pickupPointId);
  if (actor.role !== 'admin' && !scopeAllows(actor.scope.pickupPointIds, pickupPointId)) {
    throw new ForbiddenError(`This key may not hand over stock at pickup point "${pickupPointId}".`);
  }
  if (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, point.shelterId)) {
    throw new ForbiddenError(`This key may not hand over stock at shelter "${point.shelterId}".`);
  }
  return point;
}

/**
 * Refuses a voucher of a shelter the key serves at none of its pickup points (`*` pickup points:
 * any shelter of the key's shelter scope), before anything about the voucher's state is told.
 */
export async function assertServesShelter(
  actor: Principal,
  shelterId: string,
  deps: ScopeDeps,
): Promise<void> {
  if (actor.role === 'admin') return;
  const inScope = scopeAllows(actor.scope.shelterIds, shelterId);
  const points = actor.scope.pickupPointIds;
  const served =
    inScope &&
    (points === '*' ||
      (await Promise.all(points.map((id) => deps.stores.shelters.getPickupPoint(id)))).some(
        (point) => point?.shelterId === shelterId,
      ));
  if (!served)
    throw voucherRejections.wrongShelter(shelterId, (await deps.stores.shelters.get(shelterId))?.name);
}
