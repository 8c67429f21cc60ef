import type { Principal } from '../domain/api-key.js';
import type { ExpiredVoucher } from '../domain/voucher.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import type { Logger } from '../logging/logger.js';
import type { Stores } from '../store/stores.js';

export interface SweepResult {
  expired: number;
  skipped: number;
}

/**
 * Marks vouchers past their validity as expired and releases their reservations, oldest first,
 * in pages. Reads already treat such vouchers as expired; the sweep frees the reserved stock.
 * A voucher redeemed or voided meanwhile is skipped: its transaction's condition refuses it.
 * Run by the scheduler, on behalf of no key.
 */
export async function sweepExpiredVouchers(
  input: { pageSize?: number; maxVouchers?: number },
  _actor: Principal | undefined,
  deps: { stores: Pick<Stores, 'vouchers'>; now: () => Date; logger: Logger },
): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, skipped: 0 };
  const max = input.maxVouchers ?? 10_000;
  while (result.expired + result.skipped < max) {
    const now = deps.now();
    const due = await deps.stores.vouchers.listPastValidity(now, input.pageSize ?? 100);
    if (due.length === 0) break;
    for (const voucher of due) {
      const expired: ExpiredVoucher = { ...voucher, status: 'expired', expiredAt: now.toISOString() };
      try {
        await deps.stores.vouchers.expire(expired);
        result.expired++;
      } catch (err) {
        if (!(err instanceof VoucherStateChangedError)) throw err;
        result.skipped++;
      }
    }
  }
  deps.logger.info('voucher sweep', { expired: result.expired, skipped: result.skipped });
  return result;
}
