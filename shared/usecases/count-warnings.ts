import type { Movement } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import type { StockBalance } from '../domain/stock.js';
import {
  type CountShortfall,
  type CountWarning,
  countShortfalls,
  unbackedVouchers,
} from '../domain/stock-count.js';
import type { IssuedVoucher } from '../domain/voucher.js';
import type { Stores } from '../store/stores.js';

const PAGE = 100;

/**
 * A count below what vouchers reserved is recorded all the same (it is what is on the shelf);
 * each such item is named with the vouchers its stock no longer backs. Shared by direct counts
 * and count sessions.
 */
export async function countWarnings(
  movement: Movement,
  balances: StockBalance[],
  deps: { stores: Pick<Stores, 'vouchers'> },
): Promise<CountWarning[]> {
  const shortfalls = countShortfalls(movement.lines, balances);
  if (shortfalls.length === 0) return [];
  const vouchers = await issuedUntilCovered(movement.shelterId, shortfalls, deps);
  return shortfalls.map((shortfall) => ({
    ...shortfall,
    unbackedVoucherIds: unbackedVouchers(vouchers, shortfall.itemId, shortfall.shortfall),
  }));
}

/** The shelter's issued vouchers, newest first, read page by page until every shortfall is covered. */
async function issuedUntilCovered(
  shelterId: string,
  shortfalls: CountShortfall[],
  deps: { stores: Pick<Stores, 'vouchers'> },
): Promise<IssuedVoucher[]> {
  const read: IssuedVoucher[] = [];
  const uncovered = new Map(shortfalls.map((s) => [s.itemId, s.shortfall]));
  let cursor: string | undefined;
  do {
    const page = await deps.stores.vouchers.listIssuedAtShelter(shelterId, PAGE, cursor);
    read.push(...page.items);
    for (const voucher of page.items) {
      for (const line of voucher.lines) {
        const left = uncovered.get(line.itemId);
        if (left === undefined) continue;
        const after = addQuantities(left, -line.quantity);
        if (after > 0) uncovered.set(line.itemId, after);
        else uncovered.delete(line.itemId);
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && uncovered.size > 0);
  return read;
}
