import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { Movement, ReceiptInput } from '../domain/movement.js';
import { optional, recordShelterMovement, type StockDeps, theMovement } from './record-shelter-movement.js';

export type { StockDeps } from './record-shelter-movement.js';

export type RecordReceiptInput = { shelterId: string } & ReceiptInput & Idempotent;

/** Stock arriving at a shelter from outside the network: a donor, a supplier, a purchase. */
export function recordReceipt(
  input: RecordReceiptInput,
  actor: Principal,
  deps: StockDeps,
): Promise<Movement> {
  const { source, reference, note } = input;
  const fields = {
    type: 'receipt',
    source,
    ...optional('reference', reference),
    ...optional('note', note),
  } as const;
  return recordShelterMovement(input, fields, actor, deps, theMovement);
}
