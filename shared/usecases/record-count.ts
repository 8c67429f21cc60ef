import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import { optional, recordShelterMovement, type StockDeps } from './record-shelter-movement.js';
import type { IdempotentResponse } from './stock-context.js';

export interface CountInput {
  note?: string | undefined;
  lines: Array<{ itemId: string; counted: number }>;
}

/**
 * A physical count. The difference from the books is computed against the balance read inside
 * the same optimistic transaction, so a receipt landing mid-count cannot be double-counted or lost.
 * Lines that match the books are kept (difference 0) as a record that the item was counted.
 */
export function recordCount(
  shelterId: string,
  input: CountInput,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
): Promise<Movement> {
  return recordShelterMovement(
    shelterId,
    {
      lines: input.lines,
      plan: (balances) =>
        input.lines.map((line) => ({
          itemId: line.itemId,
          delta: addQuantities(line.counted, -(balances.get(line.itemId)?.onHand ?? 0)),
          counted: line.counted,
        })),
      fields: { type: 'adjustment', reason: 'count', ...optional('note', input.note) },
    },
    actor,
    deps,
    idempotency,
  );
}
