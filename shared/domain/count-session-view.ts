import { z } from '@hono/zod-openapi';
import { excludedApprovers } from './count-approval.js';
import type { LineReview } from './count-review.js';
import {
  type CountLine,
  type CountSession,
  countSessionStatusSchema,
  MAX_COUNT_SESSION_ITEMS,
  type PostedLine,
} from './count-session.js';
import { type Item, itemCategorySchema, itemUnitSchema, unitIsCountable } from './item.js';
import { countWarningSchema } from './stock-count.js';

/**
 * A count session as the API shows it: what a count page needs on a phone (one item per
 * screen), a laptop (a table) and a printed sheet, and what another device needs to go on with
 * a draft. While a blind session is counting, no figure from the books is in it (`figuresShown`
 * false): no `recorded`, `difference`, `allowed` or balance, on any line.
 */

const stepViewSchema = z.object({
  at: z.string(),
  keyId: z.string(),
  personId: z.string().optional(),
  name: z.string().optional().openapi({ description: 'The display name of `personId` now.' }),
});
type StepView = z.infer<typeof stepViewSchema>;

export const countLineViewSchema = z
  .object({
    itemId: z.string(),
    name: z.string(),
    nameKm: z.string().optional(),
    unit: itemUnitSchema,
    category: itemCategorySchema,
    wholeNumbers: z.boolean().openapi({ description: 'Pieces and packs are counted in whole numbers.' }),
    counted: z
      .number()
      .nullable()
      .openapi({ description: 'What was counted; null until a line is entered.' }),
    countedAt: z.string().optional(),
    countedBy: stepViewSchema.omit({ at: true }).optional(),
    note: z.string().optional(),
    recorded: z.number().optional().openapi({
      description:
        'On-hand stock on record at the line’s count time (not yet counted, in a session that is not blind: now). Absent while a blind session is counting.',
    }),
    difference: z.number().optional().openapi({ description: 'counted − recorded.' }),
    allowed: z
      .number()
      .optional()
      .openapi({ description: 'The largest difference allowed without approval.' }),
    needsApproval: z.boolean().optional(),
    supersededBy: z.object({ movementId: z.string(), at: z.string() }).optional().openapi({
      description:
        'A later correction of this item’s books (a count after this line was counted): this line posts nothing.',
    }),
    reason: stepViewSchema.extend({ text: z.string() }).optional(),
    posted: z
      .object({ quantity: z.number(), balanceAfter: z.number().optional() })
      .optional()
      .openapi({ description: 'Posted sessions: the adjustment this line made and the balance it left.' }),
  })
  .openapi('CountLine');
export type CountLineView = z.infer<typeof countLineViewSchema>;

export const countSessionViewSchema = z
  .object({
    id: z.string(),
    shelterId: z.string(),
    orgId: z.string(),
    status: countSessionStatusSchema,
    blind: z.boolean(),
    figuresShown: z.boolean().openapi({
      description: 'False while a blind session is counting: no line carries a figure from the books.',
    }),
    note: z.string().optional(),
    itemCount: z
      .number()
      .int()
      .openapi({ description: `At most ${MAX_COUNT_SESSION_ITEMS}.` }),
    countedCount: z.number().int(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Raised by every change: a device can tell its copy is behind.' }),
    created: stepViewSchema,
    submission: stepViewSchema.optional(),
    approval: z
      .object({
        itemIds: z
          .array(z.string())
          .openapi({ description: 'The lines beyond tolerance, each needing a reason.' }),
        reasonsMissing: z.array(z.string()),
        notBy: z
          .array(z.object({ personId: z.string(), name: z.string().optional() }))
          .openapi({ description: 'Who may not approve: the people who counted those lines.' }),
      })
      .optional()
      .openapi({ description: 'Submitted sessions: what a second person approves.' }),
    rejections: z.array(stepViewSchema.extend({ note: z.string() })),
    posting: stepViewSchema
      .extend({
        movementId: z.string(),
        approved: z
          .boolean()
          .openapi({ description: 'False when every line was within tolerance and it posted at submit.' }),
        note: z.string().optional(),
        warnings: z.array(countWarningSchema),
      })
      .optional(),
    cancellation: stepViewSchema.extend({ note: z.string().optional() }).optional(),
    lines: z.array(countLineViewSchema),
  })
  .openapi('CountSession');
export type CountSessionView = z.infer<typeof countSessionViewSchema>;

export const countSessionSummarySchema = countSessionViewSchema
  .pick({
    id: true,
    shelterId: true,
    status: true,
    blind: true,
    note: true,
    itemCount: true,
    countedCount: true,
    version: true,
    created: true,
    submission: true,
    cancellation: true,
  })
  .extend({ postedAt: z.string().optional() })
  .openapi('CountSessionSummary');
export type CountSessionSummary = z.infer<typeof countSessionSummarySchema>;

/** What the books say, when a session shows it: reviewed now, or as posted. */
export interface Figures {
  /** Counted lines, reviewed against the ledger now (submitted, or counting and not blind). */
  reviews?: ReadonlyMap<string, LineReview>;
  /** Lines not counted yet, in a session that is not blind: the balance now. */
  onHandNow?: ReadonlyMap<string, number>;
}

/** Whether a read of this session may show figures from the books (the blind rule). */
export function showsFigures(session: Pick<CountSession, 'status' | 'blind'>): boolean {
  if (session.status === 'counting') return !session.blind;
  return session.status !== 'cancelled';
}

type Names = ReadonlyMap<string, string>;

function step(s: { at: string; keyId: string; personId?: string | undefined }, names: Names): StepView {
  const name = s.personId === undefined ? undefined : names.get(s.personId);
  return {
    at: s.at,
    keyId: s.keyId,
    ...(s.personId === undefined ? {} : { personId: s.personId }),
    ...(name === undefined ? {} : { name }),
  };
}

/** Every person a session names, for one batch read of their display names. */
export function personIdsOf(session: CountSession, lines: Iterable<CountLine>): Array<string | undefined> {
  return [
    session.createdByPersonId,
    session.submission?.personId,
    session.posting?.personId,
    session.cancellation?.personId,
    ...session.rejections.map((r) => r.personId),
    ...[...lines].flatMap((line) => [line.countedByPersonId, line.reason?.personId]),
  ];
}

function itemFields(itemId: string, item: Item | undefined) {
  // An item is never deleted from the catalogue; a missing one still shows its id.
  return {
    itemId,
    name: item?.name ?? itemId,
    ...(item?.nameKm === undefined ? {} : { nameKm: item.nameKm }),
    unit: item?.unit ?? 'piece',
    category: item?.category ?? 'other',
    wholeNumbers: item === undefined ? true : unitIsCountable(item.unit),
  };
}

function reviewFields(review: LineReview | PostedLine) {
  return {
    recorded: review.recorded,
    difference: review.difference,
    allowed: review.allowed,
    needsApproval: review.needsApproval,
    ...(review.supersededBy === undefined ? {} : { supersededBy: review.supersededBy }),
  };
}

function countedFields(line: CountLine, names: Names) {
  const { at: _at, ...countedBy } = step(
    { at: line.countedAt, keyId: line.countedBy, personId: line.countedByPersonId },
    names,
  );
  return {
    countedAt: line.countedAt,
    countedBy,
    ...(line.note === undefined ? {} : { note: line.note }),
    ...(line.reason === undefined ? {} : { reason: { ...step(line.reason, names), text: line.reason.text } }),
  };
}

function lineView(
  itemId: string,
  item: Item | undefined,
  line: CountLine | undefined,
  names: Names,
  figures: {
    review?: LineReview | undefined;
    posted?: PostedLine | undefined;
    onHandNow?: number | undefined;
  },
): CountLineView {
  const { review, posted, onHandNow } = figures;
  const fromBooks = posted ?? review;
  return {
    ...itemFields(itemId, item),
    counted: line?.counted ?? null,
    ...(line === undefined ? {} : countedFields(line, names)),
    ...(line === undefined && onHandNow !== undefined ? { recorded: onHandNow } : {}),
    ...(fromBooks === undefined ? {} : reviewFields(fromBooks)),
    ...(posted === undefined
      ? {}
      : {
          posted: {
            quantity: posted.quantity,
            ...(posted.balanceAfter === undefined ? {} : { balanceAfter: posted.balanceAfter }),
          },
        }),
  };
}

export function countSessionView(
  session: CountSession,
  lines: ReadonlyMap<string, CountLine>,
  items: ReadonlyMap<string, Item>,
  names: Names,
  figures: Figures = {},
): CountSessionView {
  const shown = showsFigures(session);
  const posted = new Map(session.posting?.lines.map((line) => [line.itemId, line]));
  const reviews = shown ? figures.reviews : undefined;
  const lineViews = session.itemIds.map((itemId) =>
    lineView(itemId, items.get(itemId), lines.get(itemId), names, {
      review: reviews?.get(itemId),
      posted: shown ? posted.get(itemId) : undefined,
      onHandNow: shown ? figures.onHandNow?.get(itemId) : undefined,
    }),
  );
  const flagged = session.status === 'submitted' && reviews !== undefined ? [...reviews.values()] : [];
  const needing = flagged.filter((review) => review.needsApproval);
  return {
    id: session.id,
    shelterId: session.shelterId,
    orgId: session.orgId,
    status: session.status,
    blind: session.blind,
    figuresShown: shown,
    ...(session.note === undefined ? {} : { note: session.note }),
    itemCount: session.itemIds.length,
    countedCount: session.countedItemIds.length,
    version: session.version,
    created: step(
      { at: session.createdAt, keyId: session.createdBy, personId: session.createdByPersonId },
      names,
    ),
    ...(session.submission === undefined ? {} : { submission: step(session.submission, names) }),
    ...(session.status === 'submitted' && reviews !== undefined
      ? {
          approval: {
            itemIds: needing.map((review) => review.itemId),
            reasonsMissing: needing
              .filter((review) => lines.get(review.itemId)?.reason === undefined)
              .map((r) => r.itemId),
            notBy: excludedApprovers(flagged, lines).map((personId) => {
              const name = names.get(personId);
              return { personId, ...(name === undefined ? {} : { name }) };
            }),
          },
        }
      : {}),
    rejections: session.rejections.map((rejection) => ({ ...step(rejection, names), note: rejection.note })),
    ...(session.posting === undefined
      ? {}
      : {
          posting: {
            ...step(session.posting, names),
            movementId: session.posting.movementId,
            approved: session.posting.approved,
            ...(session.posting.note === undefined ? {} : { note: session.posting.note }),
            warnings: session.posting.warnings,
          },
        }),
    ...(session.cancellation === undefined
      ? {}
      : {
          cancellation: {
            ...step(session.cancellation, names),
            ...(session.cancellation.note === undefined ? {} : { note: session.cancellation.note }),
          },
        }),
    lines: lineViews,
  };
}

export function countSessionSummary(session: CountSession, names: Names): CountSessionSummary {
  const view = countSessionView(session, new Map(), new Map(), names);
  return {
    id: view.id,
    shelterId: view.shelterId,
    status: view.status,
    blind: view.blind,
    ...(view.note === undefined ? {} : { note: view.note }),
    itemCount: view.itemCount,
    countedCount: view.countedCount,
    version: view.version,
    created: view.created,
    ...(view.submission === undefined ? {} : { submission: view.submission }),
    ...(view.cancellation === undefined ? {} : { cancellation: view.cancellation }),
    ...(session.posting === undefined ? {} : { postedAt: session.posting.at }),
  };
}
