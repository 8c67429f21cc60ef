import {
  type CountSessionView,
  countSessionView,
  type Figures,
  personIdsOf,
  showsFigures,
} from '../domain/count-session-view.js';
import type { Item } from '../domain/item.js';
import type { CountSessionRead } from '../store/count-session-store.js';
import type { Stores } from '../store/stores.js';
import { countedLines, reviewFrom, reviewSince } from './count-session-figures.js';
import { displayNames } from './person-names.js';

type DescribeDeps = { stores: Pick<Stores, 'countSessions' | 'items' | 'people'>; now: () => Date };

/**
 * A session as the API answers it: its items' names (English and Khmer) and units, the display
 * names of who did what, and the figures from the books where the session shows them. A session
 * that awaits approval (or counts openly) is reviewed against the ledger now, so what a reader
 * sees is what an approval would post; a blind session counting reads no balance at all.
 */
export async function describeCountSession(
  { session, lines }: CountSessionRead,
  deps: DescribeDeps,
  known: { items?: ReadonlyMap<string, Item>; figures?: Figures } = {},
): Promise<CountSessionView> {
  const items = known.items ?? (await deps.stores.items.getMany(session.itemIds));
  const names = await displayNames(personIdsOf(session, lines.values()), deps);
  let figures = known.figures ?? {};
  const live = showsFigures(session) && session.status !== 'posted';
  if (live && known.figures === undefined) {
    const counted = countedLines(session, lines);
    const store = await deps.stores.countSessions();
    const read = await store.readForReview(
      session.shelterId,
      session.itemIds,
      reviewSince(counted, deps.now()),
    );
    figures = reviewFrom(counted, read, items);
  }
  return countSessionView(session, lines, items, names, figures);
}
