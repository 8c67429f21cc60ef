import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { optional, plannedDeltas, recordShelterMovement, type StockDeps } from './record-shelter-movement.js';
import type { IdempotentResponse } from './stock-context.js';

export type { StockDeps } from './record-shelter-movement.js';

export interface ReceiptInput {
  source: string;
  reference?: string | undefined;
  note?: string | undefined;
  lines: Array<{ itemId: string; quantity: number }>;
}

/** Stock arriving at a shelter from outside the network: a donor, a supplier, a purchase. */
export function recordReceipt(
  shelterId: string,
  input: ReceiptInput,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
): Promise<Movement> {
  return recordShelterMovement(
    shelterId,
    {
      lines: input.lines,
      plan: plannedDeltas(input.lines),
      fields: {
        type: 'receipt',
        source: input.source,
        ...optional('reference', input.reference),
        ...optional('note', input.note),
      },
    },
    actor,
    deps,
    idempotency,
  );
}
