import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { AdjustmentInput, Movement } from '../domain/movement.js';
import { optional, recordShelterMovement, type StockDeps, theMovement } from './record-shelter-movement.js';

export type RecordAdjustmentInput = { shelterId: string } & AdjustmentInput & Idempotent;

/**
 * Corrections: damage, expiry, loss, a recount. Reality can leave less stock than vouchers have
 * reserved (a shortfall, shown on the dashboard), but never less than nothing. Quantities are
 * signed: -12 for twelve damaged blankets, +3 for stock found.
 */
export function recordAdjustment(
  input: RecordAdjustmentInput,
  actor: Principal,
  deps: StockDeps,
): Promise<Movement> {
  const fields = { type: 'adjustment', reason: input.reason, ...optional('note', input.note) } as const;
  return recordShelterMovement(input, fields, actor, deps, theMovement);
}
