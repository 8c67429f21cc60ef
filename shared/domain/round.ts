import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { createdFields } from './attribution.js';
import { rationRuleSchema, rationRulesSchema } from './entitlement-rules.js';
import { slugSchema } from './slug.js';
import { MAX_VALIDITY_DAYS } from './voucher.js';

/**
 * A distribution round: a named window in which households of a list receive vouchers computed
 * from the round's ration rules, one voucher per household per round across every organisation
 * that shares the round. draft -> open -> closing -> closed: rules can change only while draft;
 * households are issued only while open; closing (four eyes) voids what is outstanding and
 * freezes the reconciliation report.
 */
export const roundStatusSchema = z.enum(['draft', 'open', 'closing', 'closed']).openapi('RoundStatus');
export type RoundStatus = z.infer<typeof roundStatusSchema>;

export const MAX_ROUND_SHELTERS = 50;
export const MAX_ROUND_ORGS = 20;
const DAY_MS = 86_400_000;

const instant = z.iso.datetime({ offset: true }).max(40);

const roundFields = {
  name: z.string().trim().min(1).max(200).openapi({ example: 'December round, Phnom Penh' }),
  shelterIds: z.array(slugSchema).min(1).max(MAX_ROUND_SHELTERS),
  validFrom: instant.openapi({ description: 'Start of the round; its vouchers are valid from here.' }),
  validUntil: instant.openapi({
    description: `End of the round; its vouchers expire here. At most ${MAX_VALIDITY_DAYS} days after validFrom.`,
  }),
  rules: rationRulesSchema.openapi({
    description:
      'Ration rules, one per item: what one household receives, computed from its size and the round’s days.',
  }),
  minDaysSinceLastRound: z.number().int().min(1).max(365).optional().openapi({
    format: 'int32',
    description:
      'Waiting period: a household that received a voucher in another round less than this many days before this round’s start is refused.',
  }),
};

export const createRoundSchema = z
  .object({
    id: slugSchema.optional().openapi({ description: 'Chosen id; generated when absent.' }),
    ...roundFields,
    organizationIds: z.array(slugSchema).min(1).max(MAX_ROUND_ORGS).optional().openapi({
      description:
        'Admins only: the organisations that share the round (and its deduplication). A coordinator’s round is its own organisation’s.',
    }),
  })
  .strict()
  .openapi('CreateRound');
export type CreateRoundInput = z.infer<typeof createRoundSchema>;

export const updateRoundSchema = z
  .object(roundFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .openapi('UpdateRound');
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

/** The four-eyes close: who asked first; a different key (and person) of the same organisation confirms. */
const closeRequestSchema = z.object({
  keyId: z.string(),
  personId: z
    .string()
    .optional()
    .openapi({ description: 'The person whose key asked (absent for a machine key).' }),
  orgId: z.string(),
  at: z.string(),
});

/** A round as stored (and shown: it holds no personal data). */
export const roundSchema = z
  .object({
    id: slugSchema,
    name: z.string(),
    orgIds: z.array(z.string()).min(1),
    shelterIds: z.array(z.string()).min(1),
    validFrom: z.string(),
    validUntil: z.string(),
    rules: z.array(rationRuleSchema),
    rulesVersion: z.number().int().min(1).openapi({
      description: 'Goes up by one whenever the rules change; every voucher records the version it used.',
    }),
    minDaysSinceLastRound: z.number().int().optional(),
    status: roundStatusSchema,
    version: z.number().int().min(1),
    ...createdFields,
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
    openedAt: z.string().optional(),
    openedBy: z.string().optional(),
    closeRequest: closeRequestSchema.optional().openapi({
      description: 'Set by the first close request; a second key of the same organisation confirms it.',
    }),
    closedAt: z.string().optional(),
    closedBy: z.string().optional().openapi({ description: 'The key that confirmed the close.' }),
    closedByPersonId: z.string().optional().openapi({ description: 'The person whose key confirmed it.' }),
  })
  .strict()
  .openapi('Round');
export type Round = z.infer<typeof roundSchema>;

export const roundQuerySchema = z
  .object({
    status: roundStatusSchema.optional(),
    shelterId: slugSchema.optional(),
    orgId: slugSchema.optional().openapi({ description: 'Admins: rounds shared with this organisation.' }),
    limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ format: 'int32' }),
    cursor: z
      .string()
      .max(2048)
      .optional()
      .openapi({ description: 'The `nextCursor` of the previous page.' }),
  })
  .strict();
export type RoundQuery = z.infer<typeof roundQuerySchema>;

/** What the schema cannot say about a window: its order and its length. Paths relative to the input. */
export function checkRoundWindow(window: { validFrom: string; validUntil: string }): FieldError[] {
  const from = Date.parse(window.validFrom);
  const until = Date.parse(window.validUntil);
  if (until <= from) return [{ field: 'validUntil', message: 'must be after validFrom' }];
  if (until - from > MAX_VALIDITY_DAYS * DAY_MS)
    return [{ field: 'validUntil', message: `a round lasts at most ${MAX_VALIDITY_DAYS} days` }];
  return [];
}

/** Whole seconds, as voucher tokens carry expiry in seconds and both must agree. */
export function toWholeSeconds(instantText: string): string {
  return new Date(Math.floor(Date.parse(instantText) / 1000) * 1000).toISOString();
}
