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

export const transferSchema = z
  .object({
    id: z.string(),
    fromShelterId: z.string(),
    toShelterId: z.string(),
    status: transferStatusSchema,
    lines: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
    note: z.string().optional(),
    dispatchedAt: z.string(),
    dispatchedBy: z.string(),
    dispatchMovementId: z.string(),
    receivedAt: z.string().optional(),
    receivedBy: z.string().optional(),
    receiveMovementId: z.string().optional(),
    receivedLines: z.array(z.object({ itemId: z.string(), quantity: z.number() })).optional(),
    discrepancies: z.array(discrepancySchema).optional(),
  })
  .openapi('Transfer');

export type Transfer = z.infer<typeof transferSchema>;
export type Discrepancy = z.infer<typeof discrepancySchema>;
