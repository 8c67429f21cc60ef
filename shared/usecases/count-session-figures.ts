import type { CountedLine, LineReview } from '../domain/count-review.js';
import { reviewCount } from '../domain/count-review.js';
import type { CountLine, CountSession } from '../domain/count-session.js';
import type { CountTolerance } from '../domain/count-tolerance.js';
import type { Item } from '../domain/item.js';
import type { PostingRead } from '../store/count-session-store.js';

/** The session's counted lines, in sheet order. */
export function countedLines(session: CountSession, lines: ReadonlyMap<string, CountLine>): CountedLine[] {
  return session.itemIds.flatMap((itemId) => {
    const line = lines.get(itemId);
    return line === undefined ? [] : [{ itemId, counted: line.counted, countedAt: line.countedAt }];
  });
}

/** Where the ledger must be read from to review these lines: the earliest count time, or `now`. */
export function reviewSince(counted: readonly CountedLine[], now: Date): string {
  return new Date(
    Math.min(now.getTime(), ...counted.map((line) => Date.parse(line.countedAt))),
  ).toISOString();
}

export function tolerancesOf(items: ReadonlyMap<string, Item>): Map<string, CountTolerance | undefined> {
  return new Map([...items].map(([id, item]) => [id, item.countTolerance]));
}

export function categoriesOfItems(items: ReadonlyMap<string, Item>): Map<string, string> {
  return new Map([...items].map(([id, item]) => [id, item.category]));
}

/** Reviews the counted lines against one read of the books; the balance now of every session item. */
export function reviewFrom(
  counted: readonly CountedLine[],
  read: PostingRead,
  items: ReadonlyMap<string, Item>,
): { reviews: Map<string, LineReview>; onHandNow: Map<string, number> } {
  const onHandNow = new Map([...read.balances].map(([itemId, balance]) => [itemId, balance.onHand]));
  const reviews = reviewCount(counted, onHandNow, read.movements, tolerancesOf(items));
  return { reviews: new Map(reviews.map((review) => [review.itemId, review])), onHandNow };
}
