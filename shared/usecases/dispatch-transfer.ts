import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import type { Transfer } from '../domain/transfer.js';
import { ConflictError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import type { Stores } from '../store/stores.js';
import {
  assertShelterInScope,
  categoriesOf,
  completionItems,
  type IdempotentResponse,
  loadLineItems,
  loadShelter,
} from './stock-context.js';

export interface DispatchInput {
  fromShelterId: string;
  toShelterId: string;
  note?: string | undefined;
  lines: Array<{ itemId: string; quantity: number }>;
}

export type TransferDeps = {
  stores: Pick<Stores, 'shelters' | 'items' | 'stock' | 'idempotency' | 'transfers'>;
  now: () => Date;
};

/**
 * Stock leaves the sending shelter at once (it is on a truck, not on a shelf), in the same
 * transaction that records the transfer as in transit. Reserved stock stays: it is promised.
 */
export async function dispatchTransfer(
  input: DispatchInput,
  actor: Principal,
  deps: TransferDeps,
  idempotency?: IdempotentResponse,
): Promise<Transfer> {
  assertShelterInScope(actor, input.fromShelterId);
  await loadShelter(deps.stores.shelters, input.fromShelterId);
  await loadShelter(deps.stores.shelters, input.toShelterId);
  const catalogue = await loadLineItems(deps.stores.items, input.lines);
  const at = deps.now().toISOString();
  const transferId = `tr-${ulid(Date.parse(at)).toLowerCase()}`;
  let transfer: Transfer | undefined;
  await deps.stores.stock.commit({
    shelterId: input.fromShelterId,
    itemIds: input.lines.map((line) => line.itemId),
    categories: categoriesOf(catalogue),
    floor: 'available',
    plan: () => input.lines.map((line) => ({ itemId: line.itemId, delta: -line.quantity })),
    movement: {
      type: 'transfer_out',
      transferId,
      ...(input.note === undefined ? {} : { note: input.note }),
      actorKeyId: actor.keyId,
      orgId: actor.orgId,
      at,
    },
    extraItems: (movement) => {
      transfer = {
        id: transferId,
        fromShelterId: input.fromShelterId,
        toShelterId: input.toShelterId,
        status: 'in_transit',
        lines: input.lines,
        ...(input.note === undefined ? {} : { note: input.note }),
        dispatchedAt: at,
        dispatchedBy: actor.keyId,
        dispatchMovementId: movement.id,
      };
      return [
        deps.stores.transfers.createItem(transfer),
        ...completionItems(deps.stores.idempotency, idempotency, transfer),
      ];
    },
    onExtraItemRejected: (index) =>
      index === 0
        ? new ConflictError(`Transfer "${transferId}" already exists.`)
        : new IdempotencyClaimLostError(),
  });
  if (transfer === undefined) throw new Error('transfer was not built');
  return transfer;
}
