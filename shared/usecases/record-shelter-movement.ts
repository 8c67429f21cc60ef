import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { Item } from '../domain/item.js';
import { type Movement, newMovementId } from '../domain/movement.js';
import type { PlannedLine } from '../domain/stock-change.js';
import type { RecordedMovement } from '../store/stock-store.js';
import type { Stores } from '../store/stores.js';
import { categoriesOf, checkStockChange } from './stock-context.js';

export type StockDeps = {
  stores: Pick<Stores, 'shelters' | 'items' | 'stock'>;
  now: () => Date;
};

/** What a receipt, an adjustment and a count share: the shelter, the lines, the Idempotency-Key. */
export interface ShelterMovementInput extends Idempotent {
  shelterId: string;
  lines: readonly PlannedLine[];
}

/** What distinguishes them: the ledger entry's type and its own fields. */
export type MovementFields = Omit<
  Movement,
  'id' | 'lines' | 'shelterId' | 'actorKeyId' | 'actorPersonId' | 'actorName' | 'orgId' | 'at'
>;

/**
 * The path every single-shelter stock change takes: scope, shelter and catalogue checks, then one
 * store operation that commits the balances, the ledger entry and (with an Idempotency-Key) the
 * answer `respond` makes from what was committed.
 */
export async function recordShelterMovement<R>(
  change: ShelterMovementInput,
  fields: MovementFields,
  actor: Principal,
  deps: StockDeps,
  respond: (recorded: RecordedMovement) => R | Promise<R>,
): Promise<R> {
  const catalogue = await checkStockChange(actor, change.shelterId, change.lines, deps.stores);
  return commitShelterMovement(change, catalogue, fields, actor, deps, respond);
}

/** The write of a change already checked: its lines in the item's unit, their catalogue entries. */
export function commitShelterMovement<R>(
  change: ShelterMovementInput,
  catalogue: ReadonlyMap<string, Item>,
  fields: MovementFields,
  actor: Principal,
  deps: StockDeps,
  respond: (recorded: RecordedMovement) => R | Promise<R>,
): Promise<R> {
  const at = deps.now().toISOString();
  return deps.stores.stock.recordMovement(
    {
      movement: {
        id: newMovementId(at),
        shelterId: change.shelterId,
        ...fields,
        actorKeyId: actor.keyId,
        ...personField('actorPersonId', actor),
        orgId: actor.orgId,
        at,
      },
      lines: change.lines,
      categories: categoriesOf(catalogue),
    },
    { idempotency: change.idempotency, respond },
  );
}

/** Receipts and adjustments answer with their ledger entry as committed. */
export const theMovement = ({ movement }: RecordedMovement): Movement => movement;

/** Optional text fields, present in the ledger entry only when given. */
export function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
