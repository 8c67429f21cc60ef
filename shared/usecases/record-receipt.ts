import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
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

export interface ReceiptInput {
  source: string;
  reference?: string | undefined;
  note?: string | undefined;
  lines: Array<{ itemId: string; quantity: number }>;
}

export type StockDeps = {
  stores: Pick<Stores, 'shelters' | 'items' | 'stock' | 'idempotency'>;
  now: () => Date;
};

/** Stock arriving at a shelter from outside the network: a donor, a supplier, a purchase. */
export async function recordReceipt(
  shelterId: string,
  input: ReceiptInput,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
): Promise<Movement> {
  assertShelterInScope(actor, shelterId);
  await loadShelter(deps.stores.shelters, shelterId);
  const catalogue = await loadLineItems(deps.stores.items, input.lines);
  const { movement } = await deps.stores.stock.commit({
    shelterId,
    itemIds: input.lines.map((line) => line.itemId),
    categories: categoriesOf(catalogue),
    floor: 'onHand',
    plan: () => input.lines.map((line) => ({ itemId: line.itemId, delta: line.quantity })),
    movement: {
      type: 'receipt',
      source: input.source,
      ...(input.reference === undefined ? {} : { reference: input.reference }),
      ...(input.note === undefined ? {} : { note: input.note }),
      actorKeyId: actor.keyId,
      orgId: actor.orgId,
      at: deps.now().toISOString(),
    },
    extraItems: (entry) => completionItems(deps.stores.idempotency, idempotency, entry),
    onExtraItemRejected: () => new IdempotencyClaimLostError(),
  });
  return movement;
}
