import type { Principal } from '../domain/api-key.js';
import { holdOf, leaseHolds } from '../domain/lease.js';
import type { VerifyInput } from '../domain/redemption.js';
import { effectiveStatus, type VolunteerVoucherView, volunteerView } from '../domain/voucher.js';
import { redemptionBlocker } from '../domain/voucher-lifecycle.js';
import { problemType } from '../errors/problem-details.js';
import { resolveVoucher } from './resolve-voucher.js';
import { assertServesShelter, loadVolunteerPickupPoint } from './volunteer-scope.js';
import type { VoucherDeps } from './voucher-context.js';
import { heldByDevice } from './voucher-holder.js';

/**
 * What a volunteer sees before handing anything over: status and lines, never beneficiary
 * fields. Only vouchers of a shelter the key serves at one of its pickup points are shown; any
 * other answers `voucher-wrong-shelter` and nothing of its state. Reads only; nothing changes,
 * however often a voucher is checked.
 */
export async function verifyVoucher(
  input: VerifyInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<VolunteerVoucherView> {
  const point =
    input.pickupPointId === undefined
      ? undefined
      : await loadVolunteerPickupPoint(input.pickupPointId, actor, deps);
  const voucher = await resolveVoucher(input, deps);
  await assertServesShelter(actor, voucher.shelterId, deps);
  const catalogue = await deps.stores.items.getMany(voucher.lines.map((line) => line.itemId));
  const now = deps.now();
  // A voucher in another device's offline pool: name the holder and ask it to hand back (issue 11).
  const live = effectiveStatus(voucher, now) === 'issued';
  const hold = live ? holdOf(voucher) : undefined;
  if (leaseHolds(hold, now) && hold.keyId !== actor.keyId)
    throw await heldByDevice(hold, now.toISOString(), deps);
  const view = volunteerView(voucher, catalogue, now);
  if (point === undefined) return view;
  // Why not here, in the words a redemption here would use: the volunteer learns it before trying.
  const blocker = redemptionBlocker(voucher, point.shelterId, now);
  return blocker === undefined
    ? { ...view, canRedeemHere: true }
    : {
        ...view,
        canRedeemHere: false,
        cannotRedeemHereBecause: { type: problemType(blocker.code), detail: blocker.message },
      };
}
