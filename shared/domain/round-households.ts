import { z } from '@hono/zod-openapi';
import { beneficiaryRefSchema } from './beneficiary-ref.js';
import { slugSchema } from './slug.js';

/** One call takes at most this many households (JSON rows or CSV lines after the header). */
export const MAX_HOUSEHOLD_ROWS = 5000;

/**
 * Households issued in one transaction: 4 records each (voucher, code, beneficiary, claim) plus
 * one reservation per item (a round has at most 20 rules) stay within DynamoDB's 100 items.
 */
export const MAX_GROUP = 20;

/** Languages a household's slip can be printed in, besides English and Khmer. */
export const slipLanguageSchema = z.enum(['en', 'km', 'vi', 'zh', 'th', 'id']).openapi('SlipLanguage');

export const householdRowSchema = z
  .object({
    beneficiaryRef: beneficiaryRefSchema.openapi({
      description:
        'Your own reference for the household. Pseudonymised with a keyed hash before it is stored or compared; never stored or logged raw.',
    }),
    householdSize: z.coerce.number().int().min(1).max(50).openapi({ format: 'int32' }),
    shelterId: slugSchema
      .optional()
      .openapi({ description: 'Required when the round has several shelters.' }),
    language: slipLanguageSchema.optional(),
  })
  .strict();
export type HouseholdRow = z.infer<typeof householdRowSchema>;

export const householdListSchema = z
  .object({ households: z.array(z.unknown()).min(1).max(MAX_HOUSEHOLD_ROWS) })
  .strict()
  .openapi('HouseholdList', {
    description:
      'Rows of `{beneficiaryRef, householdSize, shelterId?, language?}`; each row is checked on its own, so one bad row refuses only itself.',
  });

/** Why a row was refused: the row's problem, named for what the coordinator does next. */
export const householdRefusalSchema = z
  .enum([
    'invalid',
    'duplicate-in-list',
    'already-in-round',
    'waiting-period',
    'insufficient-stock',
    'no-entitlement',
  ])
  .openapi('HouseholdRefusal');
export type HouseholdRefusal = z.infer<typeof householdRefusalSchema>;

/** What an organisation hears of a household another organisation serves in the round: nothing more. */
export const ALREADY_IN_ROUND = 'This household already holds a voucher in this round.';

const shortItemSchema = z.object({
  itemId: z.string(),
  requested: z.number(),
  available: z.number(),
});

export const householdResultSchema = z
  .object({
    row: z.number().int().openapi({
      description: 'Row number: 1 for the first household (CSV: the line after the header).',
    }),
    outcome: z.enum(['issued', 'refused']),
    voucher: z
      .object({
        id: z.string(),
        code: z.string(),
        shelterId: z.string(),
        lines: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
        rulesVersion: z.number().int(),
        language: slipLanguageSchema.optional().openapi({
          description: 'The row’s slip language, kept on the voucher (a language code, nothing personal).',
        }),
        replayed: z.boolean().openapi({
          description: 'True when this household already held this voucher (the list was sent before).',
        }),
      })
      .optional(),
    problem: z
      .object({
        reason: householdRefusalSchema,
        field: z.string().optional(),
        detail: z.string(),
        shortItems: z.array(shortItemSchema).optional(),
      })
      .optional(),
  })
  .openapi('HouseholdResult');
export type HouseholdResult = z.infer<typeof householdResultSchema>;

export const householdIssueResultSchema = z
  .object({
    roundId: z.string(),
    issued: z.number().int(),
    replayed: z.number().int(),
    refused: z.number().int(),
    results: z.array(householdResultSchema),
  })
  .openapi('HouseholdIssueResult');
export type HouseholdIssueResult = z.infer<typeof householdIssueResultSchema>;

/** A row read from JSON or CSV, before validation: its number and its raw fields. */
export interface RawHousehold {
  row: number;
  fields: unknown;
}

/**
 * "This household holds a voucher in this round", as stored: the pseudonym (never the reference),
 * who issued, and the voucher. One per household per round, whatever the organisation.
 */
export const householdClaimSchema = z
  .object({
    roundId: z.string(),
    beneficiaryHash: z.string(),
    orgId: z.string(),
    voucherId: z.string(),
    shelterId: z.string(),
    householdSize: z.number().int(),
    language: slipLanguageSchema.optional(),
    issuedAt: z.string(),
  })
  .strict();
export type HouseholdClaim = z.infer<typeof householdClaimSchema>;
