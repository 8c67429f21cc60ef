import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { CountInput, Movement } from '../domain/movement.js';
import { optional, recordShelterMovement, type StockDeps, theMovement } from './record-shelter-movement.js';

export type RecordCountInput = { shelterId: string } & CountInput & Idempotent;

/**
 * A physical count. The difference from the books is computed against the balance read inside
 * the same optimistic transaction, so a receipt landing mid-count cannot be double-counted or lost.
 * Lines that match the books are kept (difference 0) as a record that the item was counted.
 */
export function recordCount(input: RecordCountInput, actor: Principal, deps: StockDeps): Promise<Movement> {
  return recordShelterMovement(
    {
      shelterId: input.shelterId,
      lines: input.lines,
      fields: { type: 'adjustment', reason: 'count', ...optional('note', input.note) },
      idempotency: input.idempotency,
    },
    actor,
    deps,
    theMovement,
  );
}
