import type { Principal } from '../domain/api-key.js';
import type { ExpiredVoucher, IssuedVoucher } from '../domain/voucher.js';
import { VoucherStateChangedError } from '../errors/voucher-errors.js';
import type { Logger } from '../logging/logger.js';
import type { Stores } from '../store/stores.js';

export interface SweepResult {
  expired: number;
  skipped: number;
}

type SweepDeps = { stores: Pick<Stores, 'vouchers' | 'shelters'>; now: () => Date; logger: Logger };

const SHELTER_PAGE = 200;

/**
 * Marks vouchers past their validity as expired and releases their reservations, shelter by
 * shelter, oldest first, in pages. Reads already treat such vouchers as expired; the sweep frees
 * the reserved stock. A voucher redeemed or voided meanwhile is skipped: its transaction's
 * condition refuses it. Vouchers issued before the issued-voucher index was split by shelter are
 * moved into their shelter's partition first, so that they are swept (and packed, and named by
 * count warnings) like the others. Run by the scheduler, on behalf of no key.
 */
export async function sweepExpiredVouchers(
  input: { pageSize?: number; maxVouchers?: number },
  _actor: Principal | undefined,
  deps: SweepDeps,
): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, skipped: 0 };
  const max = input.maxVouchers ?? 10_000;
  const pageSize = input.pageSize ?? 100;
  const vouchers = deps.stores.vouchers;
  // Vouchers issued before the index was split by shelter move into their shelter's first.
  let moved = 0;
  while (moved < max) {
    const movedNow = await vouchers.moveUnsplitIssued(pageSize);
    if (movedNow === 0) break;
    moved += movedNow;
  }
  let cursor: string | undefined;
  do {
    const page = await deps.stores.shelters.list(SHELTER_PAGE, cursor);
    for (const shelter of page.items) {
      const due = (now: Date) => vouchers.listPastValidity(shelter.id, now, pageSize);
      if (!(await sweepSource(due, max, result, deps))) break;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && result.expired + result.skipped < max);
  if (moved > 0) deps.logger.info('issued vouchers moved to their shelter partition', { moved });
  deps.logger.info('voucher sweep', { expired: result.expired, skipped: result.skipped });
  return result;
}

/** Expires what one source lists, page after page, until it lists none; false once `max` is reached. */
async function sweepSource(
  due: (now: Date) => Promise<IssuedVoucher[]>,
  max: number,
  result: SweepResult,
  deps: SweepDeps,
): Promise<boolean> {
  while (result.expired + result.skipped < max) {
    const now = deps.now();
    const page = await due(now);
    if (page.length === 0) return true;
    for (const voucher of page) {
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
  return false;
}
