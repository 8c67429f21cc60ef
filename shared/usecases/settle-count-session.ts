import type { Principal } from '../domain/api-key.js';
import { personField } from '../domain/attribution.js';
import { approvalRefusal } from '../domain/count-approval.js';
import { type LineReview, postedChange } from '../domain/count-review.js';
import type { CountPosting, CountSession, PostedLine } from '../domain/count-session.js';
import { countSessionView, personIdsOf } from '../domain/count-session-view.js';
import type { IdempotencyCompletion } from '../domain/idempotency.js';
import { type Movement, newMovementId } from '../domain/movement.js';
import type { StockBalance } from '../domain/stock.js';
import { applyStockChange } from '../domain/stock-change.js';
import {
  CountNeedsSecondPersonError,
  CountPostingShortError,
  CountReasonsMissingError,
} from '../errors/count-errors.js';
import type { CountSessionRead, PostingDecision, PostingRead } from '../store/count-session-store.js';
import type { Stores } from '../store/stores.js';
import type { CountSessionDeps } from './count-session-access.js';
import { categoriesOfItems, countedLines, reviewFrom, reviewSince } from './count-session-figures.js';
import { countWarnings } from './count-warnings.js';
import { displayNames } from './person-names.js';

export type SettleDeps = CountSessionDeps & { stores: Pick<Stores, 'vouchers'> };

/**
 * Submit and approve share one path: review every line against one consistent read of the books
 * (balances now, then the ledger since the earliest count), then either hold the session for a
 * second person (submit, a line beyond tolerance) or post it: one ledger entry, one adjustment
 * line per item (counted − recorded at its count time, added to the balance now), the balances
 * and the session, in one transaction. A balance that moves before it commits makes the store
 * read again and this decide anew.
 */
export async function settleCountSession(
  read: CountSessionRead,
  step: { kind: 'submit' } | { kind: 'approve'; note?: string | undefined },
  actor: Principal,
  deps: SettleDeps,
  idempotency: IdempotencyCompletion | undefined,
) {
  const { session, lines } = read;
  const items = await deps.stores.items.getMany(session.itemIds);
  const names = await displayNames([...personIdsOf(session, lines.values()), actor.personId], deps);
  const counted = countedLines(session, lines);
  const store = await deps.stores.countSessions();

  const decide = async (
    books: PostingRead,
  ): Promise<PostingDecision<ReturnType<typeof countSessionView>>> => {
    const at = deps.now().toISOString();
    const { reviews } = reviewFrom(counted, books, items);
    const all = [...reviews.values()];
    const byWhom = { at, keyId: actor.keyId, ...personField('personId', actor) };
    const submitted = step.kind === 'submit' ? { submission: byWhom } : {};
    if (step.kind === 'submit' && all.some((review) => review.needsApproval)) {
      const held: CountSession = {
        ...session,
        ...submitted,
        status: 'submitted',
        version: session.version + 1,
      };
      return {
        kind: 'hold',
        session: held,
        response: countSessionView(held, lines, items, names, { reviews }),
      };
    }
    if (step.kind === 'approve') refuseUnlessSecondPerson(session, all, read, actor);
    const { movement, posting, balances } = await plan(
      session,
      all,
      books,
      {
        ...byWhom,
        approved: step.kind === 'approve',
        ...(step.kind === 'approve' && step.note !== undefined ? { note: step.note } : {}),
        orgId: actor.orgId,
      },
      deps,
    );
    const posted: CountSession = {
      ...session,
      ...submitted,
      status: 'posted',
      posting,
      version: session.version + 1,
    };
    return {
      kind: 'post',
      session: posted,
      movement,
      balances,
      response: countSessionView(posted, lines, items, names),
    };
  };

  return store.settle(
    {
      sessionId: session.id,
      shelterId: session.shelterId,
      itemIds: session.itemIds,
      categories: categoriesOfItems(items),
      since: reviewSince(counted, deps.now()),
    },
    decide,
    idempotency,
  );
}

/** Four eyes (count-approval.ts), said so that the caller knows what to do. */
function refuseUnlessSecondPerson(
  session: CountSession,
  reviews: readonly LineReview[],
  read: CountSessionRead,
  actor: Principal,
): void {
  const refusal = approvalRefusal(reviews, read.lines, actor);
  if (refusal === undefined) return;
  const flagged = reviews.filter((review) => review.needsApproval).map((review) => review.itemId);
  switch (refusal.kind) {
    case 'machine-key':
      throw new CountNeedsSecondPersonError(
        `Approving count session "${session.id}" needs a person's own key: this is a machine key (a partner system's or a script's), which may count and submit but never approve. Approve from a person's key (made from an invitation).`,
        flagged,
      );
    case 'counted-by-caller':
      throw new CountNeedsSecondPersonError(
        `You counted ${refusal.itemIds.join(', ')}, whose difference is beyond tolerance: another person with logistics rights at shelter "${session.shelterId}" must approve count session "${session.id}". Ask a colleague to open it and approve it.`,
        refusal.itemIds,
      );
    case 'reasons-missing':
      throw new CountReasonsMissingError(session.id, refusal.itemIds);
  }
}

/** The ledger entry, the balances after and the posting record, from the reviews and the balances read. */
async function plan(
  session: CountSession,
  reviews: readonly LineReview[],
  books: PostingRead,
  by: Omit<CountPosting, 'movementId' | 'lines' | 'warnings'> & { orgId: string },
  deps: Pick<SettleDeps, 'stores'>,
): Promise<{ movement: Movement; posting: CountPosting; balances: StockBalance[] }> {
  const posting = reviews.filter((review) => review.supersededBy === undefined);
  const applied = applyStockChange(
    books.balances,
    posting.map((review) => ({ itemId: review.itemId, quantity: review.difference })),
    'onHand',
    by.at,
  );
  if (applied.short.length > 0)
    throw new CountPostingShortError(session.id, session.shelterId, applied.short);
  const reviewed = new Map(reviews.map((review) => [review.itemId, review]));
  const movement: Movement = {
    id: newMovementId(by.at),
    shelterId: session.shelterId,
    type: 'adjustment',
    reason: 'count',
    ...(session.note === undefined ? {} : { note: session.note }),
    countSessionId: session.id,
    lines: applied.lines.map((line) => {
      const review = reviewed.get(line.itemId);
      return {
        ...line,
        ...(review === undefined ? {} : { counted: review.counted, countedAt: review.countedAt }),
      };
    }),
    actorKeyId: by.keyId,
    ...(by.personId === undefined ? {} : { actorPersonId: by.personId }),
    orgId: by.orgId,
    at: by.at,
  };
  const after = new Map(applied.lines.map((line) => [line.itemId, line.balanceAfter]));
  const postedLines: PostedLine[] = reviews.map((review) => ({
    itemId: review.itemId,
    counted: review.counted,
    recorded: review.recorded,
    difference: review.difference,
    allowed: review.allowed,
    needsApproval: review.needsApproval,
    quantity: postedChange(review),
    ...balanceAfterOf(after, review.itemId),
    ...(review.supersededBy === undefined ? {} : { supersededBy: review.supersededBy }),
  }));
  const { orgId: _org, ...step } = by;
  return {
    movement,
    posting: {
      ...step,
      movementId: movement.id,
      lines: postedLines,
      warnings: await countWarnings(movement, applied.balances, deps),
    },
    balances: applied.balances,
  };
}

function balanceAfterOf(
  after: ReadonlyMap<string, number | undefined>,
  itemId: string,
): { balanceAfter?: number } {
  const balance = after.get(itemId);
  return balance === undefined ? {} : { balanceAfter: balance };
}
