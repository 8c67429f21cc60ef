import type { Principal } from '../domain/api-key.js';
import type { AdjustmentReason, Movement } from '../domain/movement.js';
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
export async function recordAdjustment(
  shelterId: string,
  input: AdjustmentInput,
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
      type: 'adjustment',
      reason: input.reason,
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
