import { type Principal, scopeAllows } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import type { Conflict, ResolveConflictInput } from '../domain/conflict.js';
import type { Idempotent } from '../domain/idempotency.js';
import { newMovementId } from '../domain/movement.js';
import type { PageQuery } from '../domain/page-query.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { displayNames } from './person-names.js';
import { categoriesOf, loadLineItems } from './stock-context.js';

type ConflictDeps = { stores: Pick<Stores, 'conflicts' | 'shelters'> };
type ConflictViewDeps = { stores: Pick<Stores, 'conflicts' | 'shelters' | 'people'> };

/**
 * Who sees a conflict: an admin; a logistics lead of its shelter; a coordinator of the voucher's
 * organisation at that shelter. Anyone else is told it does not exist.
 */
function mayHandle(actor: Principal, conflict: Pick<Conflict, 'shelterId' | 'orgId'>): boolean {
  if (actor.role === 'admin') return true;
  if (!scopeAllows(actor.scope.shelterIds, conflict.shelterId)) return false;
  return actor.role === 'logistics' || (actor.role === 'coordinator' && actor.orgId === conflict.orgId);
}

/**
 * Resolved conflicts as shown: each resolution names its person's display name now (one batch
 * read for the page, never per conflict), so the desk says who resolved it.
 */
async function withResolverNames(conflicts: Conflict[], deps: ConflictViewDeps): Promise<Conflict[]> {
  const names = await displayNames(
    conflicts.map((conflict) => conflict.resolution?.resolvedByPersonId),
    deps,
  );
  return conflicts.map((conflict) => {
    const personId = conflict.resolution?.resolvedByPersonId;
    const resolvedByName = personId === undefined ? undefined : names.get(personId);
    if (conflict.resolution === undefined || resolvedByName === undefined) return conflict;
    return { ...conflict, resolution: { ...conflict.resolution, resolvedByName } };
  });
}

export async function listConflicts(
  input: PageQuery & { shelterId: string; status?: Conflict['status'] | undefined },
  actor: Principal,
  deps: ConflictViewDeps,
): Promise<Page<Conflict>> {
  const shelter = await deps.stores.shelters.get(input.shelterId);
  if (shelter === undefined || (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, shelter.id)))
    throw new NotFoundError('Shelter', input.shelterId);
  const page = await deps.stores.conflicts.list(shelter.id, input.status, input.limit, input.cursor);
  const items = page.items.filter((conflict) => mayHandle(actor, conflict));
  return { items: await withResolverNames(items, deps), nextCursor: page.nextCursor };
}

/** A conflict the actor may handle, as stored; anyone else is told it does not exist. */
async function loadConflict(conflictId: string, actor: Principal, deps: ConflictDeps): Promise<Conflict> {
  const conflict = await deps.stores.conflicts.get(conflictId);
  if (conflict === undefined || !mayHandle(actor, conflict)) throw new NotFoundError('Conflict', conflictId);
  return conflict;
}

export async function getConflict(
  input: { conflictId: string },
  actor: Principal,
  deps: ConflictViewDeps,
): Promise<Conflict> {
  const conflict = await loadConflict(input.conflictId, actor, deps);
  const [shown = conflict] = await withResolverNames([conflict], deps);
  return shown;
}

/**
 * Closes a conflict with who and why. "goods-handed-out": the goods did leave twice, so stock
 * goes down by the offline handover's lines as a `duplicate-handover` adjustment, in the
 * transaction that closes the conflict. "no-goods": nothing moves.
 */
export async function resolveConflict(
  input: { conflictId: string } & ResolveConflictInput & Idempotent,
  actor: Principal,
  deps: { stores: Pick<Stores, 'conflicts' | 'shelters' | 'items' | 'stock'>; now: () => Date },
): Promise<Conflict> {
  const conflict = await loadConflict(input.conflictId, actor, deps);
  const at = deps.now().toISOString();
  const base = {
    outcome: input.outcome,
    note: input.note,
    resolvedBy: actor.keyId,
    ...personField('resolvedByPersonId', actor),
    resolvedAt: at,
  };
  if (input.outcome === 'no-goods') {
    const resolved: Conflict = { ...conflict, status: 'resolved', resolution: base };
    await deps.stores.conflicts.resolve(resolved);
    return resolved;
  }
  const lines = conflict.offline.lines.map((line) => ({ itemId: line.itemId, quantity: -line.quantity }));
  const catalogue = await loadLineItems(deps.stores.items, lines);
  const movementId = newMovementId(at);
  const resolved: Conflict = { ...conflict, status: 'resolved', resolution: { ...base, movementId } };
  return deps.stores.stock.resolveConflict(
    {
      movement: {
        id: movementId,
        shelterId: conflict.shelterId,
        type: 'adjustment',
        reason: 'duplicate-handover',
        note: input.note,
        voucherId: conflict.voucherId,
        deviceId: conflict.offline.deviceId,
        conflictId: conflict.id,
        actorKeyId: actor.keyId,
        ...personField('actorPersonId', actor),
        orgId: actor.orgId,
        at,
      },
      lines,
      categories: categoriesOf(catalogue),
    },
    { conflictId: conflict.id, write: deps.stores.conflicts.resolveWrite(resolved) },
    { idempotency: input.idempotency, respond: () => resolved },
  );
}
