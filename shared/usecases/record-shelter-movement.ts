import type { Principal } from '../domain/api-key.js';
import type { Movement } from '../domain/movement.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import type { PlannedLine, StockChange } from '../store/stock-store.js';
import type { Stores } from '../store/stores.js';
import {
  assertShelterInScope,
  categoriesOf,
  completionItems,
  type IdempotentResponse,
  loadLineItems,
  loadShelter,
} from './stock-context.js';

export type StockDeps = {
  stores: Pick<Stores, 'shelters' | 'items' | 'stock' | 'idempotency'>;
  now: () => Date;
};

/** What distinguishes a receipt, an adjustment and a count; the rest they share. */
export interface ShelterMovement {
  lines: ReadonlyArray<{ itemId: string } & ({ quantity: number } | { counted: number })>;
  plan: StockChange['plan'];
  fields: Omit<Movement, 'id' | 'lines' | 'shelterId' | 'actorKeyId' | 'orgId' | 'at'>;
}

/**
 * The path every single-shelter stock change takes: scope, shelter and catalogue checks, then
 * one optimistic transaction with its ledger entry and, when the request carried an
 * Idempotency-Key, the completed idempotency record.
 */
export async function recordShelterMovement(
  shelterId: string,
  change: ShelterMovement,
  actor: Principal,
  deps: StockDeps,
  idempotency?: IdempotentResponse,
): Promise<Movement> {
  assertShelterInScope(actor, shelterId);
  await loadShelter(deps.stores.shelters, shelterId);
  const catalogue = await loadLineItems(deps.stores.items, change.lines);
  const { movement } = await deps.stores.stock.commit({
    shelterId,
    itemIds: change.lines.map((line) => line.itemId),
    categories: categoriesOf(catalogue),
    floor: 'onHand',
    plan: change.plan,
    movement: { ...change.fields, actorKeyId: actor.keyId, orgId: actor.orgId, at: deps.now().toISOString() },
    extraItems: (entry) => completionItems(deps.stores.idempotency, idempotency, entry),
    onExtraItemRejected: () => new IdempotencyClaimLostError(),
  });
  return movement;
}

export function plannedDeltas(
  lines: ReadonlyArray<{ itemId: string; quantity: number }>,
): () => PlannedLine[] {
  return () => lines.map((line) => ({ itemId: line.itemId, delta: line.quantity }));
}

/** Optional text fields, present in the ledger entry only when given. */
export function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
