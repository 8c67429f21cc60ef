import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { Movement, ReceiptInput } from '../domain/movement.js';
import { commitShelterMovement, optional, type StockDeps, theMovement } from './record-shelter-movement.js';
import { checkPackedStockChange } from './stock-context.js';

export type { StockDeps } from './record-shelter-movement.js';

export type RecordReceiptInput = { shelterId: string } & ReceiptInput & Idempotent;

/**
 * Stock arriving at a shelter from outside the network: given by a donor or bought. Lines come in
 * the item's unit or in its packs (3 cases of 24 enter as 72; the ledger line keeps "3 case of 24"
 * beside it, so the printed receipt says what was counted). The ledger entry is the receipt: one
 * record with an id (`GET /v1/shelters/{id}/movements/{movementId}`).
 */
export async function recordReceipt(
  input: RecordReceiptInput,
  actor: Principal,
  deps: StockDeps,
): Promise<Movement> {
  const { shelterId, source, sourceType, reference, note, idempotency } = input;
  const checked = await checkPackedStockChange(actor, shelterId, input.lines, deps.stores);
  const fields = {
    type: 'receipt',
    source,
    ...(sourceType === undefined ? {} : { sourceType }),
    ...optional('reference', reference),
    ...optional('note', note),
  } as const;
  return commitShelterMovement(
    { shelterId, lines: checked.lines, idempotency },
    checked.catalogue,
    fields,
    actor,
    deps,
    theMovement,
  );
}
