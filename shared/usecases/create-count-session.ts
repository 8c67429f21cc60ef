import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import {
  type CountSession,
  type CreateCountSessionInput,
  MAX_COUNT_SESSION_ITEMS,
  newCountSessionId,
} from '../domain/count-session.js';
import type { CountSessionView } from '../domain/count-session-view.js';
import type { Idempotent } from '../domain/idempotency.js';
import type { Item } from '../domain/item.js';
import { ValidationError } from '../errors/app-errors.js';
import type { CountSessionDeps } from './count-session-access.js';
import { describeCountSession } from './describe-count-session.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/**
 * Opens a count at a shelter: every catalogue item, every item of a category, or a list. Nothing
 * is read from the books: a blind count starts blind. At most MAX_COUNT_SESSION_ITEMS items,
 * because one transaction posts the whole session.
 */
export async function createCountSession(
  input: CreateCountSessionInput & { shelterId: string } & Idempotent,
  actor: Principal,
  deps: CountSessionDeps,
): Promise<CountSessionView> {
  if (input.itemIds !== undefined && input.category !== undefined) {
    throw new ValidationError('Name the items or a category, not both.', [
      { field: 'category', message: 'leave out when itemIds are given' },
    ]);
  }
  assertShelterInScope(actor, input.shelterId);
  await loadShelter(deps.stores.shelters, input.shelterId);
  const items = await itemsToCount(input, deps);
  const at = deps.now();
  const session: CountSession = {
    id: newCountSessionId(at),
    shelterId: input.shelterId,
    orgId: actor.orgId,
    status: 'counting',
    blind: input.blind,
    ...(input.note === undefined ? {} : { note: input.note }),
    itemIds: [...items.keys()],
    countedItemIds: [],
    version: 1,
    createdAt: at.toISOString(),
    createdBy: actor.keyId,
    ...personField('createdByPersonId', actor),
    rejections: [],
  };
  const view = await describeCountSession({ session, lines: new Map() }, deps, { items });
  await (await deps.stores.countSessions()).create(session, {
    idempotency: input.idempotency,
    response: view,
  });
  return view;
}

async function itemsToCount(
  input: Pick<CreateCountSessionInput, 'itemIds' | 'category'>,
  deps: CountSessionDeps,
): Promise<Map<string, Item>> {
  if (input.itemIds !== undefined) {
    const found = await deps.stores.items.getMany(input.itemIds);
    const errors = input.itemIds.flatMap((itemId, index) =>
      found.has(itemId)
        ? []
        : [{ field: `itemIds.${index}`, message: `no item "${itemId}" in the catalogue` }],
    );
    if (errors.length > 0) throw new ValidationError('Some items are not in the catalogue.', errors);
    return new Map(input.itemIds.map((itemId) => [itemId, found.get(itemId) as Item]));
  }
  const all = (await deps.stores.items.all()).filter(
    (item) => input.category === undefined || item.category === input.category,
  );
  if (all.length === 0) {
    throw new ValidationError('There is nothing to count.', [
      input.category === undefined
        ? { field: 'itemIds', message: 'the catalogue has no items yet: an admin adds them (POST /v1/items)' }
        : { field: 'category', message: `no item of category "${input.category}" in the catalogue` },
    ]);
  }
  if (all.length > MAX_COUNT_SESSION_ITEMS) {
    const field = input.category === undefined ? 'itemIds' : 'category';
    throw new ValidationError('Too many items for one count session.', [
      {
        field,
        message: `${all.length} items: one session counts at most ${MAX_COUNT_SESSION_ITEMS} (it posts in one transaction); count by category or list the itemIds`,
      },
    ]);
  }
  return new Map(all.map((item) => [item.id, item]));
}
