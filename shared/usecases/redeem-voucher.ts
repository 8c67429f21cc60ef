import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import { holdOf, leaseHolds } from '../domain/lease.js';
import type { RedeemInput, Redemption } from '../domain/redemption.js';
import { finalStateError, redemptionBlocker } from '../domain/voucher-lifecycle.js';
import { ValidationError } from '../errors/app-errors.js';
import { VoucherStateChangedError, voucherRejections } from '../errors/voucher-errors.js';
import { commitRedemption } from './commit-redemption.js';
import { resolveVoucher } from './resolve-voucher.js';
import { loadVolunteerPickupPoint } from './volunteer-scope.js';
import type { VoucherDeps } from './voucher-context.js';
import { heldByDevice } from './voucher-holder.js';

export type RedeemVoucherInput = RedeemInput & Idempotent;

/**
 * Redeems a voucher exactly once, at a pickup point of the key, for any partner organisation's
 * voucher of that pickup point's shelter (a voucher of another shelter is refused before its
 * state is looked at). The voucher's state change (guarded by "still issued, within
 * validity"), the stock decrement, the distribution entry and the idempotency record are one
 * transaction: under any race, exactly one redemption commits and the others see why not.
 * A voucher in another device's offline pool is refused, naming that device (issue 11); the
 * holder's own key may redeem it online.
 */
export async function redeemVoucher(
  input: RedeemVoucherInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<Redemption> {
  // Independent reads, in parallel: a redemption waits for one round trip before its transaction.
  const [point, voucher, deviceId] = await Promise.all([
    loadVolunteerPickupPoint(input.pickupPointId, actor, deps),
    resolveVoucher(input, deps),
    handingDevice(input, actor, deps),
  ]);
  const now = deps.now();
  const blocker = redemptionBlocker(voucher, point.shelterId, now);
  if (blocker !== undefined) throw blocker;
  if (voucher.status !== 'issued') throw finalStateError(voucher);

  const at = now.toISOString();
  // The voucher record carries a copy of its lease: who holds it is known without another read.
  const hold = holdOf(voucher);
  if (leaseHolds(hold, now) && hold.keyId !== actor.keyId) throw await heldByDevice(hold, at, deps);
  try {
    return await commitRedemption(
      voucher,
      point,
      { actor, at, idempotency: input.idempotency, deviceId },
      deps,
      {
        notHeldByOthers: { keyId: actor.keyId, now: at },
      },
    );
  } catch (err) {
    if (!(err instanceof VoucherStateChangedError)) throw err;
    // Someone else changed the voucher between our read and our write: say what happened to it.
    // A hold is judged at the time the write's condition used: a lease that ended since still explains it.
    const taken = err.current === undefined ? undefined : holdOf(err.current);
    if (leaseHolds(taken, now) && taken.keyId !== actor.keyId) throw await heldByDevice(taken, at, deps);
    throw (
      (err.current === undefined ? undefined : redemptionBlocker(err.current, point.shelterId, deps.now())) ??
      voucherRejections.alreadyRedeemed(undefined, undefined)
    );
  }
}

/**
 * The device the scanner says hands over: one this key registered at this pickup point (revoked
 * or signed off too: it is still that phone, handing over online). It only labels the
 * redemption, so a consistent read of it is the whole check; any other is refused before
 * anything is written.
 */
async function handingDevice(
  input: RedeemInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<string | undefined> {
  if (input.deviceId === undefined) return undefined;
  const device = await deps.stores.devices.get(input.deviceId, { consistent: true });
  if (device?.keyId === actor.keyId && device.pickupPointId === input.pickupPointId) return device.id;
  throw new ValidationError('This is not a device of this key at this pickup point.', [
    {
      field: 'deviceId',
      message: `not registered by this key at ${input.pickupPointId}: send the id POST /v1/devices gave this phone here, or leave deviceId out`,
    },
  ]);
}
