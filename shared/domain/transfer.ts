import { z } from '@hono/zod-openapi';
import { countedQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';
import { linesOf, positiveLinesSchema } from './stock-lines.js';

export const transferStatusSchema = z.enum(['in_transit', 'received']).openapi('TransferStatus');

/** Where the free text of a transfer may go: staff's eyes, the waybill; never events or beneficiaries. */
const STAFF_ONLY =
  'Free text for staff (the driver, the logistics leads at both ends), printed on the waybill; never shown to the people served and never sent in events or webhooks. Write nothing about a person.';

export const dispatchTransferSchema = z
  .object({
    fromShelterId: slugSchema,
    toShelterId: slugSchema,
    lines: positiveLinesSchema,
    note: z.string().trim().max(500).optional(),
    vehicle: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({
        example: 'Truck 2C-4417',
        description: `The vehicle (plate, or which truck). ${STAFF_ONLY}`,
      }),
    driverNote: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .openapi({
        example: 'Gate code at the back entrance; call the lead on arrival.',
        description: `What the driver needs to know on the way. ${STAFF_ONLY}`,
      }),
  })
  .strict()
  .refine((t) => t.fromShelterId !== t.toShelterId, {
    message: 'a transfer goes to another shelter',
    path: ['toShelterId'],
  })
  .openapi('DispatchTransfer');

/**
 * Why what arrived differs from what was sent: required on every line that differs, so the
 * ledger's discrepancy entry says what happened, not only how much.
 */
export const discrepancyReasonSchema = z
  .enum(['damaged', 'lost', 'stolen', 'miscounted-at-dispatch', 'other'])
  .openapi('DiscrepancyReason', {
    description:
      '`damaged`: arrived unusable and not taken into stock; `lost` or `stolen` in transit; `miscounted-at-dispatch`: the sender counted wrong (more or less came); `other`, with a note saying what.',
  });
export type DiscrepancyReason = z.infer<typeof discrepancyReasonSchema>;

export const receiveTransferSchema = z
  .object({
    lines: linesOf({
      quantity: countedQuantitySchema.openapi({
        description: 'What arrived, counted on arrival (0 if none).',
      }),
      reason: discrepancyReasonSchema.optional().openapi({
        description: 'Required when the quantity differs from what was sent; left out when it does not.',
      }),
      note: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({
          description: `What happened to this line; required with reason \`other\`. ${STAFF_ONLY}`,
        }),
    }),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('ReceiveTransfer');

export const discrepancySchema = z.object({
  itemId: z.string(),
  sent: z.number(),
  received: z.number(),
  /** received - sent: negative is a shortfall in transit, positive an excess. */
  difference: z.number(),
  /** Absent only on transfers received before reasons were asked for. */
  reason: discrepancyReasonSchema.optional(),
  note: z.string().optional(),
});

const transferLinesSchema = z.array(z.object({ itemId: z.string(), quantity: z.number() }));

/** What every transfer carries from its dispatch on. */
const dispatchedFields = {
  id: z.string(),
  fromShelterId: z.string(),
  toShelterId: z.string(),
  lines: transferLinesSchema,
  note: z.string().optional(),
  vehicle: z.string().optional(),
  driverNote: z.string().optional(),
  dispatchedAt: z.string(),
  dispatchedBy: z.string(),
  dispatchMovementId: z.string(),
};

/** On its way: the stock left the sender and is on no shelf yet. */
export const inTransitTransferSchema = z.object({ ...dispatchedFields, status: z.literal('in_transit') });
/** Arrived and counted: what came, and how it differed from what was sent. */
export const receivedTransferSchema = z.object({
  ...dispatchedFields,
  status: z.literal('received'),
  receivedAt: z.string(),
  receivedBy: z.string(),
  receiveMovementId: z.string(),
  /**
   * The receiver's ledger entry that books the differences (an adjustment, reason
   * `transfer-discrepancy`), when any line differed.
   */
  discrepancyMovementId: z.string().optional(),
  receivedLines: transferLinesSchema,
  discrepancies: z.array(discrepancySchema),
});

/** A transfer as stored and as answered, one shape per state. */
export const transferSchema = z
  .discriminatedUnion('status', [inTransitTransferSchema, receivedTransferSchema])
  .openapi('Transfer');

export type Transfer = z.infer<typeof transferSchema>;
export type InTransitTransfer = z.infer<typeof inTransitTransferSchema>;
export type ReceivedTransfer = z.infer<typeof receivedTransferSchema>;
export type Discrepancy = z.infer<typeof discrepancySchema>;
export type DispatchTransferInput = z.infer<typeof dispatchTransferSchema>;
export type ReceiveTransferInput = z.infer<typeof receiveTransferSchema>;
