import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Idempotent } from '../domain/idempotency.js';
import { newMovementId } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import type { Discrepancy, ReceivedTransfer, ReceiveTransferInput, Transfer } from '../domain/transfer.js';
import { type FieldError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import { TransferAlreadyReceivedError } from '../errors/transfer-errors.js';
import type { TransferDeps } from './dispatch-transfer.js';
import { assertShelterInScope, categoriesOf, loadLineItems } from './stock-context.js';

export type ReceiveInput = { transferId: string } & ReceiveTransferInput & Idempotent;

/** One received line per item sent (0 if none of it came), and nothing that was not sent. */
function checkAgainstTransfer(transfer: Transfer, lines: ReceiveInput['lines']): void {
  const sent = new Set(transfer.lines.map((line) => line.itemId));
  const errors: FieldError[] = lines.flatMap((line, index) =>
    sent.has(line.itemId)
      ? []
      : [{ field: `lines.${index}.itemId`, message: `"${line.itemId}" was not in this transfer` }],
  );
  const listed = new Set(lines.map((line) => line.itemId));
  for (const itemId of sent) {
    if (!listed.has(itemId))
      errors.push({ field: 'lines', message: `add a line for "${itemId}" (0 if none arrived)` });
  }
  if (errors.length > 0)
    throw new ValidationError('The received lines must match the transfer, item by item.', errors);
}

/**
 * Stock enters the receiving shelter as counted on arrival. Differences from what was sent are
 * recorded on the transfer as discrepancies; the sending shelter's ledger keeps what it sent.
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

  const sent = new Map(transfer.lines.map((line) => [line.itemId, line.quantity]));
  const discrepancies: Discrepancy[] = input.lines
    .map((line) => {
      const quantity = sent.get(line.itemId) ?? 0;
      return {
        itemId: line.itemId,
        sent: quantity,
        received: line.quantity,
        difference: addQuantities(line.quantity, -quantity),
      };
    })
    .filter((d) => d.difference !== 0);
  const at = deps.now().toISOString();
  const received: ReceivedTransfer = {
    ...transfer,
    status: 'received',
    receivedAt: at,
    receivedBy: actor.keyId,
    ...personField('receivedByPersonId', actor),
    receiveMovementId: newMovementId(at),
    receivedLines: input.lines,
    discrepancies,
  };
  await deps.stores.stock.receiveTransfer(
    received,
    {
      movement: {
        id: received.receiveMovementId,
        shelterId: transfer.toShelterId,
        type: 'transfer_in',
        transferId: transfer.id,
        ...(input.note === undefined ? {} : { note: input.note }),
        actorKeyId: actor.keyId,
        ...personField('actorPersonId', actor),
        orgId: actor.orgId,
        at,
      },
      lines: input.lines.filter((line) => line.quantity > 0),
      categories: categoriesOf(catalogue),
    },
    { idempotency: input.idempotency, response: received },
  );
  return received;
}
