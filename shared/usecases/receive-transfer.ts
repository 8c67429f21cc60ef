import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Idempotent } from '../domain/idempotency.js';
import { newMovementIds } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import type { Discrepancy, ReceivedTransfer, ReceiveTransferInput, Transfer } from '../domain/transfer.js';
import { type FieldError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import { TransferAlreadyReceivedError } from '../errors/transfer-errors.js';
import type { StockChange } from '../store/stock-store.js';
import type { TransferDeps } from './dispatch-transfer.js';
import { assertShelterInScope, categoriesOf, loadLineItems } from './stock-context.js';

export type ReceiveInput = { transferId: string } & ReceiveTransferInput & Idempotent;
type ReceivedLine = ReceiveInput['lines'][number];

/**
 * One received line per item sent (0 if none of it came), nothing that was not sent, and a
 * reason on exactly the lines that differ from what was sent (a note too for `other`).
 */
function checkAgainstTransfer(transfer: Transfer, lines: readonly ReceivedLine[]): void {
  const sent = new Map(transfer.lines.map((line) => [line.itemId, line.quantity]));
  const errors: FieldError[] = [];
  lines.forEach((line, index) => {
    const quantity = sent.get(line.itemId);
    if (quantity === undefined) {
      errors.push({ field: `lines.${index}.itemId`, message: `"${line.itemId}" was not in this transfer` });
      return;
    }
    if (line.quantity !== quantity && line.reason === undefined) {
      errors.push({
        field: `lines.${index}.reason`,
        message: `${line.quantity} arrived of ${quantity} sent: say why (damaged, lost, stolen, miscounted-at-dispatch or other)`,
      });
    }
    if (line.quantity === quantity && (line.reason !== undefined || line.note !== undefined)) {
      errors.push({
        field: `lines.${index}.${line.reason === undefined ? 'note' : 'reason'}`,
        message: `all ${quantity} sent arrived: leave the reason and note out`,
      });
    }
    if (line.reason === 'other' && line.note === undefined)
      errors.push({ field: `lines.${index}.note`, message: 'say what happened (reason other)' });
  });
  const listed = new Set(lines.map((line) => line.itemId));
  for (const itemId of sent.keys()) {
    if (!listed.has(itemId))
      errors.push({ field: 'lines', message: `add a line for "${itemId}" (0 if none arrived)` });
  }
  if (errors.length > 0)
    throw new ValidationError('The received lines must match the transfer, item by item.', errors);
}

/** The lines that differ from what was sent, with why. */
function discrepanciesOf(transfer: Transfer, lines: readonly ReceivedLine[]): Discrepancy[] {
  const sent = new Map(transfer.lines.map((line) => [line.itemId, line.quantity]));
  return lines.flatMap((line) => {
    const quantity = sent.get(line.itemId) ?? 0;
    const difference = addQuantities(line.quantity, -quantity);
    if (difference === 0) return [];
    return [
      {
        itemId: line.itemId,
        sent: quantity,
        received: line.quantity,
        difference,
        ...(line.reason === undefined ? {} : { reason: line.reason }),
        ...(line.note === undefined ? {} : { note: line.note }),
      },
    ];
  });
}

/**
 * Stock enters the receiving shelter, in one transaction with the transfer turning `received`.
 * The receiver's ledger books what was sent arriving (`transfer_in`, the mirror of the sender's
 * `transfer_out`) and, when a line differs, what did not arrive or came extra (an adjustment,
 * reason `transfer-discrepancy`, naming the transfer), so the balance rises by what arrived, every
 * transfer's two ends sum to zero, and what was lost on the road is a loss on the books. A
 * transfer is received once: a second receipt, or two at once, books nothing more (409).
 */
export async function receiveTransfer(
  input: ReceiveInput,
  actor: Principal,
  deps: TransferDeps,
): Promise<ReceivedTransfer> {
  const transfer = await deps.stores.transfers.get(input.transferId);
  if (transfer === undefined) throw new NotFoundError('Transfer', input.transferId);
  // Only the receiving shelter's keys may receive; to anyone else the transfer looks absent,
  // so that a scoped key learns nothing about other (possibly confidential) shelters.
  try {
    assertShelterInScope(actor, transfer.toShelterId);
  } catch {
    throw new NotFoundError('Transfer', input.transferId);
  }
  if (transfer.status === 'received')
    throw new TransferAlreadyReceivedError(transfer.id, transfer.receivedAt);
  checkAgainstTransfer(transfer, input.lines);
  const catalogue = await loadLineItems(deps.stores.items, input.lines);

  const discrepancies = discrepanciesOf(transfer, input.lines);
  const at = deps.now().toISOString();
  const [arrivalId, discrepancyId] = newMovementIds(at, 2) as [string, string];
  const received: ReceivedTransfer = {
    ...transfer,
    status: 'received',
    receivedAt: at,
    receivedBy: actor.keyId,
    ...personField('receivedByPersonId', actor),
    receiveMovementId: arrivalId,
    ...(discrepancies.length === 0 ? {} : { discrepancyMovementId: discrepancyId }),
    receivedLines: input.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
    discrepancies,
  };
  const entry = {
    shelterId: transfer.toShelterId,
    transferId: transfer.id,
    ...(input.note === undefined ? {} : { note: input.note }),
    actorKeyId: actor.keyId,
    ...personField('actorPersonId', actor),
    orgId: actor.orgId,
    at,
  };
  const categories = categoriesOf(catalogue);
  const arrival: StockChange = {
    movement: { id: arrivalId, type: 'transfer_in', ...entry },
    lines: transfer.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
    categories,
  };
  const discrepancy: StockChange | undefined =
    discrepancies.length === 0
      ? undefined
      : {
          movement: { id: discrepancyId, type: 'adjustment', reason: 'transfer-discrepancy', ...entry },
          lines: discrepancies.map(({ itemId, difference }) => ({ itemId, quantity: difference })),
          categories,
        };
  await deps.stores.stock.receiveTransfer(
    received,
    { arrival, discrepancy },
    { idempotency: input.idempotency, response: received },
  );
  return received;
}
