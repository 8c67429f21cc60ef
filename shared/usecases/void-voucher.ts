import type { Principal } from '../domain/api-key.js';
import type { Voucher, VoucherView } from '../domain/voucher.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { voucherRejections } from '../errors/voucher-errors.js';
import { VoucherWriteRejected } from '../store/voucher-store.js';
import { completionItems, type IdempotentResponse } from './stock-context.js';
import { loadOwnVoucher, type VoucherDeps, voucherView } from './voucher-context.js';

function finalStateError(voucher: Voucher): Error {
  if (voucher.status === 'redeemed')
    return voucherRejections.alreadyRedeemed(voucher.redeemedAt, voucher.pickupPointId);
  if (voucher.status === 'void') return voucherRejections.void(voucher.voidedAt);
  return voucherRejections.expired(voucher.validUntil);
}

/**
 * Cancels an issued voucher and gives its reservation back to available stock, in one
 * transaction. A voucher past its validity that the sweeper has not reached yet can be voided
 * too: either way its reservation is released exactly once.
 */
export async function voidVoucher(
  voucherId: string,
  actor: Principal,
  deps: VoucherDeps,
  idempotency?: IdempotentResponse,
): Promise<VoucherView> {
  const voucher = await loadOwnVoucher(voucherId, actor, deps);
  if (voucher.status !== 'issued') throw finalStateError(voucher);
  const now = deps.now();
  const at = now.toISOString();
  const voided: Voucher = { ...voucher, status: 'void', voidedAt: at, voidedBy: actor.keyId };
  const beneficiary = await deps.stores.vouchers.beneficiary(voucher.id, now);
  const view = voucherView(voided, beneficiary?.householdSize ?? null, deps.secrets.keyRing, now);
  try {
    await deps.stores.vouchers.release(
      voucher,
      voided,
      at,
      completionItems(deps.stores.idempotency, idempotency, view),
    );
    return view;
  } catch (err) {
    if (!(err instanceof VoucherWriteRejected)) throw err;
    if (err.part === 'extra') throw new IdempotencyClaimLostError();
    const current = await deps.stores.vouchers.get(voucher.id);
    throw finalStateError(current ?? voucher);
  }
}
