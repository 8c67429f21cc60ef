import { z } from '@hono/zod-openapi';
import { ulid } from 'ulid';
import { itemCategorySchema } from './item.js';
import { countedQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';
import { countWarningSchema } from './stock-count.js';

/**
 * A count session (issue 23 §2): a shelf count that several people enter line by line from any
 * device, blind by default, which posts to the ledger only when it is submitted (every line
 * within tolerance) or approved by a second person (a line beyond tolerance).
 *
 *   counting ──submit──> posted                 (no line beyond tolerance)
 *   counting ──submit──> submitted ──approve──> posted
 *                        submitted ──reject───> counting   (recount; a note says what)
 *   counting | submitted ──cancel──> cancelled  (nothing posts)
 */
export const countSessionStatusSchema = z
  .enum(['counting', 'submitted', 'posted', 'cancelled'])
  .openapi('CountSessionStatus');
export type CountSessionStatus = z.infer<typeof countSessionStatusSchema>;

/**
 * One transaction posts a whole session: a balance per item, the ledger entry, the session and
 * the Idempotency-Key record, within DynamoDB's 100 items per transaction. 90 leaves room.
 */
export const MAX_COUNT_SESSION_ITEMS = 90;

export const countSessionIdSchema = z
  .string()
  .max(40)
  .regex(/^cnt_[0-9A-HJKMNP-TV-Z]{26}$/, 'a count session id: cnt_ and 26 Crockford base32 characters');

export function newCountSessionId(at: Date): string {
  return `cnt_${ulid(at.getTime())}`;
}

/** Who did a step and when: the key, and the person behind it (absent for a machine key). */
const stepSchema = z.object({
  at: z.string(),
  keyId: z.string(),
  personId: z
    .string()
    .optional()
    .openapi({ description: 'The person whose key did it (absent for a machine key).' }),
});

const noteSchema = z.string().trim().min(1).max(500);

/** A line as posted: what the books said at its count time, and what it changed. */
export const postedLineSchema = z.object({
  itemId: z.string(),
  counted: z.number(),
  recorded: z.number(),
  difference: z.number(),
  allowed: z.number(),
  needsApproval: z.boolean(),
  /** The adjustment posted: the difference, or 0 for a superseded line. */
  quantity: z.number(),
  balanceAfter: z.number().optional(),
  supersededBy: z.object({ movementId: z.string(), at: z.string() }).optional(),
});
export type PostedLine = z.infer<typeof postedLineSchema>;

export const countPostingSchema = stepSchema.extend({
  movementId: z.string(),
  /** True when a second person approved it; false when it posted at submit, every line within tolerance. */
  approved: z.boolean(),
  note: z.string().optional(),
  lines: z.array(postedLineSchema),
  warnings: z.array(countWarningSchema),
});
export type CountPosting = z.infer<typeof countPostingSchema>;

/** The session record (`COUNT#<id>` / `META`). */
export const countSessionSchema = z
  .object({
    id: z.string(),
    shelterId: z.string(),
    orgId: z.string(),
    status: countSessionStatusSchema,
    blind: z.boolean(),
    note: z.string().optional(),
    /** What is to be counted, in the order a sheet lists it. */
    itemIds: z.array(z.string()),
    /** The items with a line entered (a string set in the table, for progress in listings). */
    countedItemIds: z.array(z.string()),
    /** Every change (a line, a reason, a step) raises it; steps are written under "unchanged since read". */
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    createdByPersonId: z.string().optional(),
    submission: stepSchema.optional(),
    rejections: z.array(stepSchema.extend({ note: z.string() })),
    posting: countPostingSchema.optional(),
    cancellation: stepSchema.extend({ note: z.string().optional() }).optional(),
  })
  .strict();
export type CountSession = z.infer<typeof countSessionSchema>;

/** One counted line (`COUNT#<id>` / `LINE#<itemId>`), entered or changed until the session is submitted. */
export const countLineSchema = z
  .object({
    itemId: z.string(),
    counted: z.number(),
    /** When it was counted: the device's time if it sent one (a draft counted offline), else arrival. */
    countedAt: z.string(),
    /** When the server received it. */
    enteredAt: z.string(),
    countedBy: z.string(),
    countedByPersonId: z.string().optional(),
    /**
     * The on-hand balance on record when the line arrived. Kept for the audit, never shown while
     * the session is blind; postings use the ledger at `countedAt` instead (see count-review.ts).
     */
    onHandAtEntry: z.number(),
    note: z.string().optional(),
    reason: stepSchema.extend({ text: z.string() }).optional(),
  })
  .strict();
export type CountLine = z.infer<typeof countLineSchema>;

// ---- Requests -------------------------------------------------------------------------------

export const createCountSessionSchema = z
  .object({
    itemIds: z
      .array(slugSchema)
      .min(1)
      .max(MAX_COUNT_SESSION_ITEMS)
      .refine((ids) => new Set(ids).size === ids.length, 'each item may appear only once')
      .optional()
      .openapi({
        description:
          'The items to count, in sheet order. Leave out for every item (or every item of `category`).',
      }),
    category: itemCategorySchema
      .optional()
      .openapi({ description: 'Count every item of this category (instead of `itemIds`).' }),
    blind: z.boolean().default(true).openapi({
      description:
        'Blind (the default): no read of the session shows what the books say until it is submitted. `false` for a lead who wants the figures while counting.',
    }),
    note: noteSchema.optional().openapi({ example: 'Monthly count, store room' }),
  })
  .strict()
  .openapi('CreateCountSession');
export type CreateCountSessionInput = z.infer<typeof createCountSessionSchema>;

export const enterCountLineSchema = z
  .object({
    counted: countedQuantitySchema.openapi({
      description: 'What is on the shelf, in the item’s unit.',
      example: 38,
    }),
    countedAt: z.iso.datetime({ offset: true }).max(40).optional().openapi({
      description:
        'When it was counted, by the device’s clock (a draft counted offline and sent later). Between the session’s start and now; the arrival time when left out.',
    }),
    note: z.string().trim().min(1).max(200).optional().openapi({ example: 'two sacks torn' }),
  })
  .strict()
  .openapi('EnterCountLine');
export type EnterCountLineInput = z.infer<typeof enterCountLineSchema>;

export const countReasonSchema = z
  .object({
    reason: noteSchema.openapi({
      description: 'Why the shelf and the books differ (no personal data).',
      example: 'Rats got into two sacks; thrown away on 3 March',
    }),
  })
  .strict()
  .openapi('CountReason');

export const approveCountSchema = z
  .object({ note: noteSchema.optional() })
  .strict()
  .openapi('ApproveCountSession');

export const rejectCountSchema = z
  .object({
    note: noteSchema.openapi({
      description: 'What to recount and why.',
      example: 'Recount rice: the store room at the back was not counted',
    }),
  })
  .strict()
  .openapi('RejectCountSession');

export const cancelCountSchema = z
  .object({ note: noteSchema.optional() })
  .strict()
  .openapi('CancelCountSession');
