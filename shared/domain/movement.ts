import { z } from '@hono/zod-openapi';
import { monotonicFactory, ulid } from 'ulid';
import { countLinesSchema, receiptLinesSchema, signedLinesSchema } from './stock-lines.js';

/**
 * Why stock was corrected. `transfer-discrepancy` is booked by a transfer's receipt only (with
 * its `transferId`): what arrived against what was sent, so stock is conserved across shelters.
 */
export const adjustmentReasonSchema = z
  .enum(['damaged', 'expired', 'lost', 'count', 'duplicate-handover', 'transfer-discrepancy', 'other'])
  .openapi('AdjustmentReason');
export type AdjustmentReason = z.infer<typeof adjustmentReasonSchema>;

/** The reasons a person may give an adjustment by hand: a transfer's discrepancy is its receipt's. */
const manualAdjustmentReasonSchema = adjustmentReasonSchema.exclude(['transfer-discrepancy']);

export const movementTypeSchema = z
  .enum(['receipt', 'adjustment', 'transfer_out', 'transfer_in', 'distribution'])
  .openapi('MovementType');
export type MovementType = z.infer<typeof movementTypeSchema>;

export const movementLineSchema = z.object({
  itemId: z.string(),
  /** Signed change to on-hand stock: the ledger sums these. */
  quantity: z.number(),
  /**
   * On-hand stock right after the movement. Absent on distributions: a redemption commits with
   * an atomic decrement and never reads the balance, so concurrent redemptions never wait.
   */
  balanceAfter: z.number().optional(),
  /** Physical counts only: what was counted. */
  counted: z.number().optional(),
  /**
   * Count sessions only: when the line was counted. Its quantity is counted minus the balance on
   * record at that time (so movements since then are kept), and it corrects the books as of then.
   */
  countedAt: z.string().optional(),
  /** Receipts counted in packs: how many packs, which, and how many units one held then. */
  packs: z.number().optional(),
  pack: z.string().optional(),
  unitsPerPack: z.number().optional(),
});

/** One append-only ledger entry. Every stock change writes exactly one, in the same transaction. */
export const movementSchema = z
  .object({
    id: z.string().openapi({ description: 'ULID: sorts in time order.' }),
    shelterId: z.string(),
    type: movementTypeSchema,
    reason: adjustmentReasonSchema.optional(),
    note: z.string().optional(),
    source: z
      .string()
      .optional()
      .openapi({ description: 'Receipts: where the stock came from (donor, supplier).' }),
    sourceType: z
      .enum(['donor', 'purchase'])
      .optional()
      .openapi({ description: 'Receipts: given by a donor, or bought.' }),
    reference: z.string().optional().openapi({ description: 'Donor reference, delivery note, etc.' }),
    transferId: z.string().optional(),
    voucherId: z.string().optional(),
    pickupPointId: z.string().optional(),
    deviceId: z
      .string()
      .optional()
      .openapi({ description: 'Offline handovers: the device that handed over.' }),
    sequence: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Offline handovers: the device's record number." }),
    clientRedemptionId: z.string().optional(),
    recordedAt: z
      .string()
      .optional()
      .openapi({ description: 'Offline handovers: when the sync recorded it (`at` is the device time).' }),
    conflictId: z.string().optional(),
    countSessionId: z.string().optional().openapi({
      description: 'Counts posted by a count session: the session (`GET /v1/count-sessions/{id}`).',
    }),
    lines: z.array(movementLineSchema),
    actorKeyId: z.string(),
    actorPersonId: z
      .string()
      .optional()
      .openapi({ description: 'The person whose key recorded it (absent for a machine key).' }),
    actorName: z.string().optional().openapi({
      description: 'Listings: the display name of `actorPersonId` now. Never stored with the entry.',
    }),
    orgId: z.string(),
    at: z.string(),
  })
  .openapi('Movement');

export type Movement = z.infer<typeof movementSchema>;
export type MovementLine = z.infer<typeof movementLineSchema>;

/** Ledger ids are ULIDs of the movement's time: the ledger's key order is its time order. */
export function newMovementId(at: string): string {
  return ulid(Date.parse(at));
}

/** Ids of entries written together at one time, sorting in the order they are made (monotonic ULIDs). */
export function newMovementIds(at: string, count: number): string[] {
  const next = monotonicFactory();
  return Array.from({ length: count }, () => next(Date.parse(at)));
}

const note = z.string().trim().max(500).optional();

export const receiptSchema = z
  .object({
    source: z.string().trim().min(1).max(200).openapi({
      example: 'WFP Cambodia',
      description: 'Who the stock came from: the donor or the supplier.',
    }),
    sourceType: z
      .enum(['donor', 'purchase'])
      .optional()
      .openapi({ description: 'Given by a donor, or bought from the supplier named in `source`.' }),
    reference: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'The waybill or delivery note number, or the donor’s reference.' }),
    note,
    lines: receiptLinesSchema,
  })
  .strict()
  .openapi('Receipt');
export type ReceiptInput = z.infer<typeof receiptSchema>;

export const adjustmentSchema = z
  .object({ reason: manualAdjustmentReasonSchema, note, lines: signedLinesSchema })
  .strict()
  .openapi('Adjustment');
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

export const countSchema = z.object({ note, lines: countLinesSchema }).strict().openapi('Count');
export type CountInput = z.infer<typeof countSchema>;
