import type { Principal } from '../domain/api-key.js';
import { addQuantities } from '../domain/quantity.js';
import type { Discrepancy, Transfer } from '../domain/transfer.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import type { TransferDeps } from './dispatch-transfer.js';
import {
  assertShelterInScope,
  categoriesOf,
  completionItems,
  type IdempotentResponse,
  loadLineItems,
} from './stock-context.js';

export interface ReceiveInput {
  note?: string | undefined;
  /** What actually arrived, one line per item sent (0 if none of it came). */
  lines: Array<{ itemId: string; quantity: number }>;
}

function alreadyReceived(transfer: Transfer): ConflictError {
  return new ConflictError(`Transfer "${transfer.id}" was already received.`, {
    transferId: transfer.id,
    receivedAt: transfer.receivedAt,
  });
}

/**
 * Stock enters the receiving shelter as counted on arrival. Differences from what was sent are
 * recorded on the transfer as discrepancies; the sending shelter's ledger keeps what it sent.
 */
export async function receiveTransfer(
  transferId: string,
  input: ReceiveInput,
  actor: Principal,
  deps: TransferDeps,
  idempotency?: IdempotentResponse,
): Promise<Transfer> {
  const transfer = await deps.stores.transfers.get(transferId);
  if (transfer === undefined) throw new NotFoundError('Transfer', transferId);
  // Only the receiving shelter's keys may receive; to anyone else the transfer looks absent,
  // so that a scoped key learns nothing about other (possibly confidential) shelters.
  try {
    assertShelterInScope(actor, transfer.toShelterId);
  } catch {
    throw new NotFoundError('Transfer', transferId);
  }
  if (transfer.status === 'received') throw alreadyReceived(transfer);

  const sent = new Map(transfer.lines.map((line) => [line.itemId, line.quantity]));
  const errors = input.lines.flatMap((line, index) =>
    sent.has(line.itemId)
      ? []
      : [{ field: `lines.${index}.itemId`, message: `"${line.itemId}" was not in this transfer` }],
  );
  const listed = new Set(input.lines.map((line) => line.itemId));
  for (const itemId of sent.keys()) {
    if (!listed.has(itemId))
      errors.push({ field: 'lines', message: `add a line for "${itemId}" (0 if none arrived)` });
  }
  if (errors.length > 0)
    throw new ValidationError('The received lines must match the transfer, item by item.', errors);
  const catalogue = await loadLineItems(deps.stores.items, input.lines);

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
  const arrived = input.lines.filter((line) => line.quantity > 0);
  let received: Transfer | undefined;
  await deps.stores.stock.commit({
    shelterId: transfer.toShelterId,
    itemIds: arrived.map((line) => line.itemId),
    categories: categoriesOf(catalogue),
    floor: 'onHand',
    plan: () => arrived.map((line) => ({ itemId: line.itemId, delta: line.quantity })),
    movement: {
      type: 'transfer_in',
      transferId,
      ...(input.note === undefined ? {} : { note: input.note }),
      actorKeyId: actor.keyId,
      orgId: actor.orgId,
      at,
    },
    extraItems: (movement) => {
      received = {
        ...transfer,
        status: 'received',
        receivedAt: at,
        receivedBy: actor.keyId,
        receiveMovementId: movement.id,
        receivedLines: input.lines,
        discrepancies,
      };
      return [
        deps.stores.transfers.receiveItem(received),
        ...completionItems(deps.stores.idempotency, idempotency, received),
      ];
    },
    onExtraItemRejected: (index) =>
      index === 0 ? alreadyReceived(transfer) : new IdempotencyClaimLostError(),
  });
  if (received === undefined) throw new Error('transfer receipt was not built');
  return received;
}
