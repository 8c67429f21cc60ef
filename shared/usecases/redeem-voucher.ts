import { ulid } from 'ulid';
import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import type { PickupPoint } from '../domain/pickup-point.js';
import { formatShortCode } from '../domain/short-code.js';
import { effectiveStatus, type Voucher } from '../domain/voucher.js';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { voucherRejections } from '../errors/voucher-errors.js';
import { VoucherWriteRejected } from '../store/voucher-store.js';
import { resolveVoucher, type VoucherReference } from './resolve-voucher.js';
import { completionItems, type IdempotentResponse } from './stock-context.js';
import type { VoucherDeps } from './voucher-context.js';

export interface Redemption {
  voucherId: string;
  code: string;
  status: 'redeemed';
  shelterId: string;
  pickupPointId: string;
  lines: Array<{ itemId: string; quantity: number }>;
  redeemedAt: string;
  movementId: string;
}

/** Why this voucher cannot be handed over now, as the problem a volunteer will see, or nothing. */
export function redemptionBlocker(voucher: Voucher, point: PickupPoint, now: Date): Error | undefined {
  switch (effectiveStatus(voucher, now)) {
    case 'redeemed':
      return voucherRejections.alreadyRedeemed(voucher.redeemedAt, voucher.pickupPointId);
    case 'void':
      return voucherRejections.void(voucher.voidedAt);
    case 'expired':
      return voucherRejections.expired(voucher.validUntil);
    case 'issued':
      break;
  }
  if (Date.parse(voucher.validFrom) > now.getTime()) return voucherRejections.notYetValid(voucher.validFrom);
  if (point.shelterId !== voucher.shelterId) return voucherRejections.wrongShelter(voucher.shelterId);
  return undefined;
}

/** The pickup point a volunteer acts at: it must exist and be in the key's scope. */
export async function loadVolunteerPickupPoint(
  pickupPointId: string,
  actor: Principal,
  deps: Pick<VoucherDeps, 'stores'>,
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

/**
 * Redeems a voucher exactly once. The voucher's state change (guarded by "still issued, within
 * validity"), the stock decrement, the distribution entry and the idempotency record are one
 * transaction: under any race, exactly one redemption commits and the others see why not.
 */
export async function redeemVoucher(
  input: VoucherReference & { pickupPointId: string },
  actor: Principal,
  deps: VoucherDeps,
  idempotency?: IdempotentResponse,
): Promise<Redemption> {
  // Independent reads, in parallel: a redemption waits for one round trip before its transaction.
  const [point, voucher] = await Promise.all([
    loadVolunteerPickupPoint(input.pickupPointId, actor, deps),
    resolveVoucher(input, deps),
  ]);
  const now = deps.now();
  const blocker = redemptionBlocker(voucher, point, now);
  if (blocker !== undefined) throw blocker;

  const at = now.toISOString();
  const movement: Movement = {
    id: ulid(now.getTime()),
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
  const redeemed: Voucher = {
    ...voucher,
    status: 'redeemed',
    redeemedAt: at,
    redeemedBy: actor.keyId,
    pickupPointId: point.id,
  };
  try {
    await deps.stores.vouchers.redeem(
      voucher,
      redeemed,
      movement,
      completionItems(deps.stores.idempotency, idempotency, redemption),
    );
    return redemption;
  } catch (err) {
    if (!(err instanceof VoucherWriteRejected)) throw err;
    if (err.part === 'extra') throw new IdempotencyClaimLostError();
    // Someone else changed the voucher between our read and our write: say what happened to it.
    const current = await deps.stores.vouchers.get(voucher.id);
    throw (
      (current === undefined ? undefined : redemptionBlocker(current, point, deps.now())) ??
      voucherRejections.alreadyRedeemed(undefined, undefined)
    );
  }
}
