import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import { type Movement, newMovementId } from '../domain/movement.js';
import type { RedeemInput, Redemption } from '../domain/redemption.js';
import { formatShortCode } from '../domain/short-code.js';
import type { RedeemedVoucher } from '../domain/voucher.js';
import { finalStateError, redemptionBlocker } from '../domain/voucher-lifecycle.js';
import { VoucherStateChangedError, voucherRejections } from '../errors/voucher-errors.js';
import { resolveVoucher } from './resolve-voucher.js';
import { loadVolunteerPickupPoint } from './volunteer-scope.js';
import type { VoucherDeps } from './voucher-context.js';

export type RedeemVoucherInput = RedeemInput & Idempotent;

/**
 * Redeems a voucher exactly once, at a pickup point of the key, for any partner organisation's
 * voucher of that pickup point's shelter (a voucher of another shelter is refused before its
 * state is looked at). The voucher's state change (guarded by "still issued, within
 * validity"), the stock decrement, the distribution entry and the idempotency record are one
 * transaction: under any race, exactly one redemption commits and the others see why not.
 */
export async function redeemVoucher(
  input: RedeemVoucherInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<Redemption> {
  // Independent reads, in parallel: a redemption waits for one round trip before its transaction.
  const [point, voucher] = await Promise.all([
    loadVolunteerPickupPoint(input.pickupPointId, actor, deps),
    resolveVoucher(input, deps),
  ]);
  const now = deps.now();
  const blocker = redemptionBlocker(voucher, point.shelterId, now);
  if (blocker !== undefined) throw blocker;
  if (voucher.status !== 'issued') throw finalStateError(voucher);

  const at = now.toISOString();
  const movement: Movement = {
    id: newMovementId(at),
    shelterId: voucher.shelterId,
    type: 'distribution',
    voucherId: voucher.id,
    pickupPointId: point.id,
    lines: voucher.lines.map((line) => ({ itemId: line.itemId, quantity: -line.quantity })),
    actorKeyId: actor.keyId,
    orgId: actor.orgId,
    at,
  };
  const redemption: Redemption = {
    voucherId: voucher.id,
    code: formatShortCode(voucher.code),
    status: 'redeemed',
    shelterId: voucher.shelterId,
    pickupPointId: point.id,
    lines: voucher.lines,
    redeemedAt: at,
    movementId: movement.id,
  };
  const redeemed: RedeemedVoucher = {
    ...voucher,
    status: 'redeemed',
    redeemedAt: at,
    redeemedBy: actor.keyId,
    pickupPointId: point.id,
  };
  try {
    await deps.stores.vouchers.redeem(redeemed, movement, {
      idempotency: input.idempotency,
      response: redemption,
    });
    return redemption;
  } catch (err) {
    if (!(err instanceof VoucherStateChangedError)) throw err;
    // Someone else changed the voucher between our read and our write: say what happened to it.
    throw (
      (err.current === undefined ? undefined : redemptionBlocker(err.current, point.shelterId, deps.now())) ??
      voucherRejections.alreadyRedeemed(undefined, undefined)
    );
  }
}
