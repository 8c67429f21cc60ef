import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { VoidedVoucher, VoidVoucherInput, VoucherView } from '../domain/voucher.js';
import { finalStateError } from '../domain/voucher-lifecycle.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import { loadOwnVoucher, type VoucherDeps, voucherView } from './voucher-context.js';

export type VoidInput = { voucherId: string } & VoidVoucherInput & Idempotent;

/**
 * Cancels an issued voucher and gives its reservation back to available stock, in one
 * transaction. A voucher past its validity that the sweeper has not reached yet can be voided
 * too: either way its reservation is released exactly once.
 */
export async function voidVoucher(
  input: VoidInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<VoucherView> {
  const voucher = await loadOwnVoucher(input.voucherId, actor, deps);
  if (voucher.status !== 'issued') throw finalStateError(voucher);
  const now = deps.now();
  const voided: VoidedVoucher = {
    ...voucher,
    status: 'void',
    voidedAt: now.toISOString(),
    voidedBy: actor.keyId,
    ...personField('voidedByPersonId', actor),
    ...(input.reason === undefined ? {} : { voidReason: input.reason }),
  };
  const beneficiary = await deps.stores.beneficiaries.of(voucher, now);
  const view = voucherView(voided, beneficiary?.householdSize ?? null, deps.secrets.keyRing, now);
  try {
    await deps.stores.vouchers.void(voided, { idempotency: input.idempotency, response: view });
    return view;
  } catch (err) {
    if (!(err instanceof VoucherStateChangedError)) throw err;
    // Redeemed or expired meanwhile: say which.
    if (err.current === undefined || err.current.status === 'issued') throw err;
    throw finalStateError(err.current);
  }
}
