import { allowedDifference, type CountTolerance, exceedsTolerance } from './count-tolerance.js';
import type { Movement } from './movement.js';
import { addQuantities } from './quantity.js';

/**
 * What a counted line means against the books, decided from one consistent read: the item's
 * balance now and the shelter's ledger since the line was counted. Pure.
 *
 * The books at a line's count time are the balance now minus every movement of the item dated
 * after it (`at`: when the goods moved; an offline handover's device time). So a redemption
 * during the count is in neither the count nor the books it is compared with, and stays in the
 * balance the difference is added to: neither lost nor counted twice. A handover made offline
 * before the count but synced after the line arrived is also placed where it belongs.
 *
 * A count is not a movement of goods but a correction of the books. A correction of the item
 * dated after this line (a direct count, an adjustment with reason `count`, another session's
 * line counted later) already says what was on the shelf later than this line did: this line is
 * superseded and posts nothing. Posting it too would correct the same shelf twice. A session's
 * line is dated by its count time (`countedAt`), a direct count by its `at`.
 */
export interface CountedLine {
  itemId: string;
  counted: number;
  countedAt: string;
}

export interface LineReview {
  itemId: string;
  counted: number;
  countedAt: string;
  /** On-hand stock on record at the count time, as the ledger knows it now. */
  recorded: number;
  /** counted − recorded: what posting this line adds to the balance. */
  difference: number;
  /** The largest difference allowed without approval (see count-tolerance.ts). */
  allowed: number;
  needsApproval: boolean;
  /** A later correction of the item's books: this line posts nothing. */
  supersededBy?: { movementId: string; at: string };
}

/** When a ledger line took effect: a count session's line at its count time, anything else at `at`. */
function effectiveAt(movement: Movement, line: Movement['lines'][number]): string {
  return line.countedAt ?? movement.at;
}

const isCountCorrection = (movement: Movement) =>
  movement.type === 'adjustment' && movement.reason === 'count';

export function reviewCount(
  lines: readonly CountedLine[],
  onHandNow: ReadonlyMap<string, number>,
  /** Every ledger entry of the shelter dated at or after the earliest `countedAt`, any order. */
  movementsSince: readonly Movement[],
  tolerances: ReadonlyMap<string, CountTolerance | undefined>,
): LineReview[] {
  return lines.map((line) => {
    const countedAt = Date.parse(line.countedAt);
    let later = 0;
    let supersededBy: LineReview['supersededBy'];
    for (const movement of movementsSince) {
      for (const moved of movement.lines) {
        if (moved.itemId !== line.itemId) continue;
        const at = effectiveAt(movement, moved);
        if (Date.parse(at) <= countedAt) continue;
        later = addQuantities(later, moved.quantity);
        if (isCountCorrection(movement) && (supersededBy === undefined || at > supersededBy.at))
          supersededBy = { movementId: movement.id, at };
      }
    }
    const recorded = addQuantities(onHandNow.get(line.itemId) ?? 0, -later);
    const difference = addQuantities(line.counted, -recorded);
    const allowed = allowedDifference(recorded, tolerances.get(line.itemId));
    return {
      itemId: line.itemId,
      counted: line.counted,
      countedAt: line.countedAt,
      recorded,
      difference,
      allowed,
      needsApproval: supersededBy === undefined && exceedsTolerance(difference, allowed),
      ...(supersededBy === undefined ? {} : { supersededBy }),
    };
  });
}

/** The lines a second person must approve before anything posts. */
export const linesNeedingApproval = (reviews: readonly LineReview[]) =>
  reviews.filter((review) => review.needsApproval);

/** The change a review posts: its difference, or nothing when superseded. */
export const postedChange = (review: LineReview): number =>
  review.supersededBy === undefined ? review.difference : 0;
