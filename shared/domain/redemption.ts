import { z } from '@hono/zod-openapi';
import { deviceIdSchema } from './device.js';
import { slugSchema } from './slug.js';

/** How a volunteer names a voucher: the scanned token, or the typed short code. */
const scanned = { token: z.string().min(1).max(400) };
const typed = { code: z.string().min(1).max(40) };

type UnionIssue = { code: string; path?: PropertyKey[]; keys?: string[] };

/**
 * When the choice itself is wrong (both sent, or neither), the answer says what to send instead of
 * zod's "Invalid input"; any other mistake (a missing pickup point) is left to name its own field.
 */
const exactlyOne = {
  error: (issue: { errors?: ReadonlyArray<ReadonlyArray<UnionIssue>> }) => {
    const aboutChoice = (i: UnionIssue) =>
      ['token', 'code'].includes(String(i.path?.[0])) ||
      (i.code === 'unrecognized_keys' && (i.keys ?? []).some((key) => key === 'token' || key === 'code'));
    const branches = issue.errors ?? [];
    return branches.length > 0 && branches.every((branch) => branch.some(aboutChoice))
      ? 'send exactly one of token (the scanned QR text) or code (the typed short code)'
      : undefined;
  },
};

/** Exactly one of token (scanned) or code (typed); strict, so sending both is an error. */
export const verifySchema = z
  .union(
    [
      z.object({ ...scanned, pickupPointId: slugSchema.optional() }).strict(),
      z.object({ ...typed, pickupPointId: slugSchema.optional() }).strict(),
    ],
    exactlyOne,
  )
  .openapi('VerifyVoucher');
export type VerifyInput = z.infer<typeof verifySchema>;

/**
 * The phone that hands over, when it is registered at the pickup point: recorded on the voucher,
 * so a later check from that phone knows the handover as its own (not "already redeemed").
 */
const handingDevice = {
  deviceId: deviceIdSchema.optional().openapi({
    description:
      'The registered device (POST /v1/devices) of this key at this pickup point that hands over. ' +
      'Recorded on the voucher and answered back (verify, voucher-already-redeemed), so that phone ' +
      'recognises its own handover.',
  }),
};

export const redeemSchema = z
  .union(
    [
      z.object({ ...scanned, pickupPointId: slugSchema, ...handingDevice }).strict(),
      z.object({ ...typed, pickupPointId: slugSchema, ...handingDevice }).strict(),
    ],
    exactlyOne,
  )
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
