import type { Principal } from './api-key.js';
import type { LineReview } from './count-review.js';
import type { CountLine } from './count-session.js';

/**
 * Four eyes on a count (issue 23 §2), per person (issue 22): a difference beyond tolerance posts
 * only when a person who did not count it approves it. What "a second person" means here:
 *
 * - The eyes that matter are the counter's: whoever counted a line beyond tolerance may not
 *   approve it, from any of their keys (one person's phone and laptop are one pair of eyes).
 *   Who submitted, or who wrote the reasons, may approve lines counted by someone else.
 * - A machine key (a partner system's or a script's) has no person: it may create, count, submit,
 *   give reasons, reject and cancel, but never approve, because approving is a person vouching
 *   for a difference. A line a machine key counted can be approved by any person.
 *
 * Pure: from the reviewed lines, the stored lines (who counted) and the caller.
 */
export type ApprovalRefusal =
  | { kind: 'machine-key' }
  | { kind: 'counted-by-caller'; itemIds: string[] }
  | { kind: 'reasons-missing'; itemIds: string[] };

export function approvalRefusal(
  reviews: readonly LineReview[],
  lines: ReadonlyMap<string, Pick<CountLine, 'countedByPersonId' | 'reason'>>,
  caller: Pick<Principal, 'personId'>,
): ApprovalRefusal | undefined {
  if (caller.personId === undefined) return { kind: 'machine-key' };
  const flagged = reviews.filter((review) => review.needsApproval);
  const own = flagged.filter((review) => lines.get(review.itemId)?.countedByPersonId === caller.personId);
  if (own.length > 0) return { kind: 'counted-by-caller', itemIds: own.map((review) => review.itemId) };
  const unexplained = flagged.filter((review) => lines.get(review.itemId)?.reason === undefined);
  if (unexplained.length > 0)
    return { kind: 'reasons-missing', itemIds: unexplained.map((review) => review.itemId) };
  return undefined;
}

/** The people who may not approve a session as it stands: those who counted a line beyond tolerance. */
export function excludedApprovers(
  reviews: readonly LineReview[],
  lines: ReadonlyMap<string, Pick<CountLine, 'countedByPersonId'>>,
): string[] {
  const ids = reviews
    .filter((review) => review.needsApproval)
    .map((review) => lines.get(review.itemId)?.countedByPersonId)
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}
