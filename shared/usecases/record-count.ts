import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import type { StockDeps } from './record-receipt.js';
import {
  assertShelterInScope,
  categoriesOf,
  completionItems,
  type IdempotentResponse,
  loadLineItems,
  loadShelter,
} from './stock-context.js';

export interface CountInput {
  note?: string | undefined;
  lines: Array<{ itemId: string; counted: number }>;
}

/**
 * A physical count. The difference from the books is computed against the balance read inside
 * the same optimistic transaction, so a receipt landing mid-count cannot be double-counted or lost.
 * Lines that match the books are kept (difference 0) as a record that the item was counted.
 */
export async function recordCount(
  shelterId: string,
  input: CountInput,
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
    plan: (balances) =>
      input.lines.map((line) => ({
        itemId: line.itemId,
        delta: addQuantities(line.counted, -(balances.get(line.itemId)?.onHand ?? 0)),
        counted: line.counted,
      })),
    movement: {
      type: 'adjustment',
      reason: 'count',
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
