import { z } from '@hono/zod-openapi';
import { pageQuerySchema } from './page-query.js';
import { slugSchema } from './slug.js';

/**
 * "Served before?" is a question about people across every organisation, so each one asked is on
 * the record: who asked (key, organisation), when, how many references and how many of them
 * matched, and whether it was answered or refused for the key's hourly limit. Never the
 * references themselves, nor their pseudonyms: the record is about the asking, not the people.
 */
export const beneficiaryCheckOutcomeSchema = z
  .enum(['answered', 'refused-over-limit'])
  .openapi('BeneficiaryCheckOutcome');

export const beneficiaryCheckLogSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    keyId: z.string(),
    orgId: z.string(),
    references: z.number().int().min(0).openapi({ description: 'How many references the call asked about.' }),
    matched: z.number().int().min(0).openapi({
      description:
        'How many of them had been served: holding a voucher in an open round, or redeemed one of a round before.',
    }),
    outcome: beneficiaryCheckOutcomeSchema,
  })
  .strict()
  .openapi('BeneficiaryCheckLogEntry');
export type BeneficiaryCheckLogEntry = z.infer<typeof beneficiaryCheckLogSchema>;

export const beneficiaryCheckLogQuerySchema = pageQuerySchema
  .extend({ orgId: slugSchema.optional().openapi({ description: 'Only the calls of this organisation.' }) })
  .strict();
export type BeneficiaryCheckLogQuery = z.infer<typeof beneficiaryCheckLogQuerySchema>;

/** References a key may check per clock hour unless the deployment says otherwise. */
export const DEFAULT_CHECK_REFERENCES_PER_HOUR = 2_000;

/** The clock hour `now` falls in: the window the per-key limit counts in. */
export function hourWindow(now: Date): { start: Date; end: Date } {
  const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return { start, end: new Date(start.getTime() + 3_600_000) };
}
