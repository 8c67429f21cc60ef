import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { CountInput, Movement } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import type { StockBalance } from '../domain/stock.js';
import {
  type CountResult,
  type CountShortfall,
  type CountWarning,
  countShortfalls,
  unbackedVouchers,
} from '../domain/stock-count.js';
import type { IssuedVoucher } from '../domain/voucher.js';
import type { Stores } from '../store/stores.js';
import { optional, recordShelterMovement, type StockDeps } from './record-shelter-movement.js';

export type RecordCountInput = { shelterId: string } & CountInput & Idempotent;

export type CountDeps = StockDeps & { stores: Pick<Stores, 'vouchers'> };

/**
 * A physical count. The difference from the books is computed against the balance read inside
 * the same optimistic transaction, so a receipt landing mid-count cannot be double-counted or lost.
 * Lines that match the books are kept (difference 0) as a record that the item was counted.
 *
 * A count below what vouchers reserved is recorded all the same (it is what is on the shelf);
 * its answer warns of each such item and names the vouchers no longer backed. The warnings are
 * part of the answer stored for Idempotency-Key replays, in the count's own transaction.
 */
export function recordCount(
  input: RecordCountInput,
  actor: Principal,
  deps: CountDeps,
): Promise<CountResult> {
  const fields = { type: 'adjustment', reason: 'count', ...optional('note', input.note) } as const;
  return recordShelterMovement(input, fields, actor, deps, async ({ movement, balances }) => ({
    ...movement,
    warnings: await countWarnings(movement, balances, deps),
  }));
}

const PAGE = 100;

async function countWarnings(
  movement: Movement,
  balances: StockBalance[],
  deps: CountDeps,
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
  deps: CountDeps,
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
