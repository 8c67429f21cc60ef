import type { Voucher } from '../domain/voucher.js';
import type { Logger } from '../logging/logger.js';
import type { Stores } from '../store/stores.js';
import { VoucherWriteRejected } from '../store/voucher-store.js';

export interface SweepResult {
  expired: number;
  skipped: number;
}

/**
 * Marks vouchers past their validity as expired and releases their reservations, oldest first,
 * in pages. Reads already treat such vouchers as expired; the sweep frees the reserved stock.
 * A voucher redeemed or voided meanwhile is skipped: its transaction's condition refuses it.
 */
export async function sweepExpiredVouchers(
  deps: { stores: Pick<Stores, 'vouchers'>; now: () => Date; logger: Logger },
  options: { pageSize?: number; maxVouchers?: number } = {},
): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, skipped: 0 };
  const max = options.maxVouchers ?? 10_000;
  while (result.expired + result.skipped < max) {
    const now = deps.now();
    const due = await deps.stores.vouchers.listPastValidity(now, options.pageSize ?? 100);
    if (due.length === 0) break;
    for (const voucher of due) {
      const at = now.toISOString();
      const expired: Voucher = { ...voucher, status: 'expired', expiredAt: at };
      try {
        await deps.stores.vouchers.release(voucher, expired, at, []);
        result.expired++;
      } catch (err) {
        if (!(err instanceof VoucherWriteRejected)) throw err;
        result.skipped++;
      }
    }
  }
  deps.logger.info('voucher sweep', { expired: result.expired, skipped: result.skipped });
  return result;
}
