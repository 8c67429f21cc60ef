import { z } from '@hono/zod-openapi';
import { reconciliationSchema } from './round-report.js';

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

/**
 * A round's reconciliation as answered: the figures (frozen when the round closed) and, read
 * each time, who asked to close it and who confirmed (their display names as they are now).
 * Kept out of the stored report's schema, which the round store loads at a cold start.
 */
export const reconciliationViewSchema = z
  .object({
    ...reconciliationSchema.shape,
    closeRequestedBy: roundActorSchema.optional().openapi({
      description: 'Who asked to close the round (four eyes).',
    }),
    closedBy: roundActorSchema.optional().openapi({ description: 'Who confirmed the close.' }),
  })
  .openapi('RoundReconciliation');
export type ReconciliationView = z.infer<typeof reconciliationViewSchema>;
