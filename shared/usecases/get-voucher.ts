import type { Principal } from '../domain/api-key.js';
import type { VoucherView } from '../domain/voucher.js';
import { loadOwnVoucher, type VoucherDeps, voucherView } from './voucher-context.js';

/** One of the coordinator's organisation's vouchers, with its household size while retention keeps it. */
export async function getVoucher(
  input: { voucherId: string },
  viewer: Principal,
  deps: VoucherDeps,
): Promise<VoucherView> {
  const voucher = await loadOwnVoucher(input.voucherId, viewer, deps);
  const now = deps.now();
  const beneficiary = await deps.stores.beneficiaries.of(voucher, now);
  return voucherView(voucher, beneficiary?.householdSize ?? null, deps.secrets.keyRing, now);
}
