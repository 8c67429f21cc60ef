import { z } from '@hono/zod-openapi';

/**
 * An offline handover the server could not turn into a redemption (the voucher was already
 * redeemed, voided or expired, another device held it, the voucher is another shelter's, or the
 * device was revoked). Nothing left stock for it; a logistics lead of the device's shelter, or the
 * voucher's coordinator there, resolves it with who and why.
 */
export const conflictStatusSchema = z.enum(['open', 'resolved']).openapi('ConflictStatus');
export const conflictOutcomeSchema = z.enum(['goods-handed-out', 'no-goods']).openapi('ConflictOutcome');
export const conflictReasonSchema = z
  .enum([
    'already-redeemed',
    'voided',
    'expired',
    'not-yet-valid',
    'held-by-other-device',
    'device-revoked',
    'wrong-shelter',
    'insufficient-stock',
    'unknown-voucher',
  ])
  .openapi('ConflictReason');
export type ConflictReason = z.infer<typeof conflictReasonSchema>;

const lines = z.array(z.object({ itemId: z.string(), quantity: z.number() }));

/** The offline handover that was refused. */
const offlineHandoverSchema = z.object({
  deviceId: z.string(),
  deviceLabel: z.string(),
  clientRedemptionId: z.string(),
  sequence: z.number().int(),
  pickupPointId: z.string(),
  deviceTime: z.string(),
  syncedAt: z.string(),
  lines,
});

/** The handover that got there first, when there was one. */
const firstHandoverSchema = z.object({
  redeemedAt: z.string(),
  pickupPointId: z.string(),
  deviceId: z.string().optional(),
  movementId: z.string().optional(),
});

const resolutionSchema = z.object({
  outcome: conflictOutcomeSchema,
  note: z.string(),
  resolvedBy: z.string(),
  resolvedByPersonId: z
    .string()
    .optional()
    .openapi({ description: 'The person whose key resolved it (absent for a machine key).' }),
  resolvedByName: z.string().optional().openapi({
    description:
      'Listings and reads: the display name of `resolvedByPersonId` now, for the desk to say who resolved it. Never stored with the conflict.',
  }),
  resolvedAt: z.string(),
  movementId: z
    .string()
    .optional()
    .openapi({ description: 'The duplicate-handover adjustment, if goods left.' }),
});

export const conflictSchema = z
  .object({
    id: z.string(),
    shelterId: z.string().openapi({
      description:
        'Where the goods left: the shelter of the device’s pickup point. Its logistics leads see and resolve the conflict, and a resolution as goods handed out moves its stock.',
    }),
    voucherShelterId: z.string().optional().openapi({
      description:
        'The voucher’s own shelter, when it is another (reason `wrong-shelter`). Its stock is not touched.',
    }),
    orgId: z.string().openapi({ description: "The voucher's organisation." }),
    voucherId: z.string(),
    status: conflictStatusSchema,
    reason: conflictReasonSchema,
    message: z.string(),
    offline: offlineHandoverSchema,
    first: firstHandoverSchema.optional(),
    holder: z.object({ deviceId: z.string(), label: z.string() }).optional(),
    createdAt: z.string(),
    resolution: resolutionSchema.optional(),
  })
  .openapi('Conflict');
export type Conflict = z.infer<typeof conflictSchema>;

export const resolveConflictSchema = z
  .object({
    outcome: conflictOutcomeSchema,
    note: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ description: 'Why: what the desks found. No personal data.' }),
  })
  .strict()
  .openapi('ResolveConflict');
export type ResolveConflictInput = z.infer<typeof resolveConflictSchema>;

export const conflictIdSchema = z
  .string()
  .max(40)
  .regex(/^cfl_[0-9A-HJKMNP-TV-Z]{26}$/, 'a conflict id: cfl_ and 26 Crockford base32 characters');
