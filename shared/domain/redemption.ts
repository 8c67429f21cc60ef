import { z } from '@hono/zod-openapi';
import { slugSchema } from './slug.js';

/** How a volunteer names a voucher: the scanned token, or the typed short code. */
const scanned = { token: z.string().min(1).max(400) };
const typed = { code: z.string().min(1).max(40) };

/** Exactly one of token (scanned) or code (typed); strict, so sending both is an error. */
export const verifySchema = z
  .union([
    z.object({ ...scanned, pickupPointId: slugSchema.optional() }).strict(),
    z.object({ ...typed, pickupPointId: slugSchema.optional() }).strict(),
  ])
  .openapi('VerifyVoucher');
export type VerifyInput = z.infer<typeof verifySchema>;

export const redeemSchema = z
  .union([
    z.object({ ...scanned, pickupPointId: slugSchema }).strict(),
    z.object({ ...typed, pickupPointId: slugSchema }).strict(),
  ])
  .openapi('Redeem');
export type RedeemInput = z.infer<typeof redeemSchema>;

/** What a volunteer hands over, answered once per voucher (and replayed for retries). */
export const redemptionSchema = z
  .object({
    voucherId: z.string(),
    code: z.string(),
    status: z.literal('redeemed'),
    shelterId: z.string(),
    pickupPointId: z.string(),
    lines: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
    redeemedAt: z.string(),
    movementId: z.string(),
  })
  .openapi('Redemption');
export type Redemption = z.infer<typeof redemptionSchema>;
