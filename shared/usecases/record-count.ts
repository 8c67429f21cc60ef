import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { CountInput } from '../domain/movement.js';
import type { CountResult } from '../domain/stock-count.js';
import type { Stores } from '../store/stores.js';
import { countWarnings } from './count-warnings.js';
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
