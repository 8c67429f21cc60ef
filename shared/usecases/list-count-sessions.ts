import type { Principal } from '../domain/api-key.js';
import type { CountSessionStatus } from '../domain/count-session.js';
import { type CountSessionSummary, countSessionSummary, personIdsOf } from '../domain/count-session-view.js';
import type { PageQuery } from '../domain/page-query.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { displayNames } from './person-names.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/** A shelter's count sessions, newest first (drafts to go on with: status=counting). */
export async function listCountSessions(
  input: PageQuery & { shelterId: string; status?: CountSessionStatus | undefined },
  actor: Principal,
  deps: { stores: Pick<Stores, 'countSessions' | 'shelters' | 'people'> },
): Promise<Page<CountSessionSummary>> {
  assertShelterInScope(actor, input.shelterId);
  await loadShelter(deps.stores.shelters, input.shelterId);
  const page = await (await deps.stores.countSessions()).list(
    input.shelterId,
    input.status,
    input.limit,
    input.cursor,
  );
  const names = await displayNames(
    page.items.flatMap((session) => personIdsOf(session, [])),
    deps,
  );
  return {
    items: page.items.map((session) => countSessionSummary(session, names)),
    nextCursor: page.nextCursor,
  };
}
