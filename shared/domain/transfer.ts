import { z } from '@hono/zod-openapi';
import { countedQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';
import { linesOf, positiveLinesSchema } from './stock-lines.js';

export const transferStatusSchema = z.enum(['in_transit', 'received']).openapi('TransferStatus');

export const dispatchTransferSchema = z
  .object({
    fromShelterId: slugSchema,
    toShelterId: slugSchema,
    lines: positiveLinesSchema,
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((t) => t.fromShelterId !== t.toShelterId, {
    message: 'a transfer goes to another shelter',
    path: ['toShelterId'],
  })
  .openapi('DispatchTransfer');

export const receiveTransferSchema = z
  .object({
    lines: linesOf({ quantity: countedQuantitySchema }),
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
});

const transferLinesSchema = z.array(z.object({ itemId: z.string(), quantity: z.number() }));

/** What every transfer carries from its dispatch on. */
const dispatchedFields = {
  id: z.string(),
  fromShelterId: z.string(),
  toShelterId: z.string(),
  lines: transferLinesSchema,
  note: z.string().optional(),
  dispatchedAt: z.string(),
  dispatchedBy: z.string(),
  dispatchedByPersonId: z.string().optional(),
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
  receivedByPersonId: z.string().optional(),
  receiveMovementId: z.string(),
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
