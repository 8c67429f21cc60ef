import { type Principal, scopeAllows } from '../domain/api-key.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { CountSessionRead, CountSessionStore } from '../store/count-session-store.js';
import type { Stores } from '../store/stores.js';

export type CountSessionDeps = {
  stores: Pick<Stores, 'countSessions' | 'shelters' | 'items' | 'people'>;
  now: () => Date;
};

/**
 * A session as its reader may see it: a key reaches the sessions of the shelters in its scope
 * (admins every one); any other session answers 404 as if it did not exist, as conflicts and
 * vouchers of other organisations do. Counting is shelter work: sessions belong to the shelter,
 * not to the organisation of the key that opened it.
 */
export async function loadCountSession(
  sessionId: string,
  actor: Principal,
  deps: { stores: Pick<Stores, 'countSessions'> },
): Promise<CountSessionRead> {
  const found = await (await deps.stores.countSessions()).get(sessionId);
  if (
    found === undefined ||
    (actor.role !== 'admin' && !scopeAllows(actor.scope.shelterIds, found.session.shelterId))
  )
    throw new NotFoundError('Count session', sessionId);
  return found;
}

export async function countSessionStore(deps: {
  stores: Pick<Stores, 'countSessions'>;
}): Promise<CountSessionStore> {
  return deps.stores.countSessions();
}
