import { z } from '@hono/zod-openapi';
import { reconciliationRowSchema, reconciliationSchema } from './round-report.js';

/** Who took one of a round's four-eyes steps: the key, its person, what colleagues call them, when. */
export const roundActorSchema = z
  .object({
    keyId: z.string(),
    personId: z.string().optional(),
    displayName: z
      .string()
      .optional()
      .openapi({ description: 'The person’s display name now (absent for a machine key).' }),
    at: z.string().optional(),
  })
  .openapi('RoundActor');
export type RoundActor = z.infer<typeof roundActorSchema>;

/** Who handed over some of a row's vouchers, as answered: with the person's display name now. */
export const handoverActorViewSchema = z
  .object({
    personId: z.string().optional().openapi({ description: 'The person, whichever of their keys.' }),
    keyId: z.string().optional().openapi({ description: 'A machine key (no person) that handed over.' }),
    displayName: z
      .string()
      .optional()
      .openapi({ description: 'The person’s display name now (absent for a machine key).' }),
  })
  .openapi('HandoverActor');
export type HandoverActorView = z.infer<typeof handoverActorViewSchema>;

export const reconciliationViewRowSchema = reconciliationRowSchema
  .extend({
    redeemedBy: z.array(handoverActorViewSchema).openapi({
      description:
        'Who handed over the row’s redeemed vouchers, once per person (empty in a report frozen before this was kept).',
    }),
  })
  .openapi('RoundReconciliationRow');
export type ReconciliationViewRow = z.infer<typeof reconciliationViewRowSchema>;

/**
 * A round's reconciliation as answered: the figures (frozen when the round closed) and, read
 * each time, who asked to close it, who confirmed and who handed its vouchers over (their display
 * names as they are now).
 * Kept out of the stored report's schema, which the round store loads at a cold start.
 */
export const reconciliationViewSchema = z
  .object({
    ...reconciliationSchema.shape,
    rows: z.array(reconciliationViewRowSchema),
    closeRequestedBy: roundActorSchema.optional().openapi({
      description: 'Who asked to close the round (four eyes).',
    }),
    closedBy: roundActorSchema.optional().openapi({ description: 'Who confirmed the close.' }),
  })
  .openapi('RoundReconciliation');
export type ReconciliationView = z.infer<typeof reconciliationViewSchema>;
