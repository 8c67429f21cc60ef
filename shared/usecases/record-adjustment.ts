import type { Principal } from '../domain/api-key.js';
import type { AdjustmentReason, Movement } from '../domain/movement.js';
import { optional, plannedDeltas, recordShelterMovement, type StockDeps } from './record-shelter-movement.js';
import type { IdempotentResponse } from './stock-context.js';

export interface AdjustmentInput {
  reason: AdjustmentReason;
  note?: string | undefined;
  /** Signed: -12 for twelve damaged blankets, +3 for stock found. */
  lines: Array<{ itemId: string; quantity: number }>;
}

/**
 * Corrections: damage, expiry, loss, a recount. Reality can leave less stock than vouchers have
 * reserved (a shortfall, shown on the dashboard), but never less than nothing.
 */
export function recordAdjustment(
  shelterId: string,
  input: AdjustmentInput,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
): Promise<Movement> {
  return recordShelterMovement(
    shelterId,
    {
      lines: input.lines,
      plan: plannedDeltas(input.lines),
      fields: { type: 'adjustment', reason: input.reason, ...optional('note', input.note) },
    },
    actor,
    deps,
    idempotency,
  );
}
