import { z } from '@hono/zod-openapi';
import { offlineModeSchema } from './shelter.js';

/**
 * What a device downloads to hand vouchers over offline (issue 11). Never a beneficiary field:
 * every record below is built from an allow-list of fields (see usecases/get-device-pack.ts),
 * and a test asserts every key of every record.
 */

/** Why a voucher left a device's list. */
export const packRemovalReasonSchema = z
  .enum(['redeemed', 'voided', 'expired', 'moved', 'released', 'lease-ended'])
  .openapi('PackRemovalReason');
export type PackRemovalReason = z.infer<typeof packRemovalReasonSchema>;

const lineSchema = z.object({ itemId: z.string(), quantity: z.number() });

export const packVoucherSchema = z
  .object({
    id: z.string(),
    shortCode: z.string().openapi({ description: 'As printed on the slip, e.g. ABCD-EFGH-J.' }),
    lines: z.array(lineSchema),
    validFrom: z.string(),
    validUntil: z.string(),
    status: z.literal('issued'),
    leaseUntil: z.string().openapi({
      description: 'Hand over offline only before this time (device clock): min(validUntil, lease + window).',
    }),
  })
  .openapi('PackVoucher');
export type PackVoucher = z.infer<typeof packVoucherSchema>;

export const packSchema = z
  .object({
    deviceId: z.string(),
    cursor: z.string().openapi({ description: 'Send as ?since= on the next refresh.' }),
    full: z.boolean().openapi({ description: 'True: replace the local list; false: apply as a delta.' }),
    generatedAt: z.string(),
    offlineMode: offlineModeSchema,
    offlineWindowHours: z.number().int(),
    shelter: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    pickupPoint: z.object({ id: z.string(), name: z.string() }),
    keys: z.array(
      z.object({ kid: z.string(), kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }),
    ),
    catalogue: z.array(
      z.object({ itemId: z.string(), name: z.string(), nameKm: z.string().optional(), unit: z.string() }),
    ),
    vouchers: z
      .array(packVoucherSchema)
      .openapi({ description: 'Upserts: vouchers this device may hand over offline now.' }),
    removed: z.array(z.object({ id: z.string(), reason: packRemovalReasonSchema })),
    handBackRequested: z.array(z.string()).openapi({
      description: 'Another desk asked for these: if not handed over here, drop them and POST .../hand-back.',
    }),
  })
  .openapi('DevicePack');
export type DevicePack = z.infer<typeof packSchema>;

export const packQuerySchema = z
  .object({
    since: z
      .string()
      .max(13)
      .regex(/^[0-9]{13}$/, 'a cursor from a previous pack')
      .optional()
      .openapi({ description: 'The cursor of the last pack applied; absent for a full pack.' }),
  })
  .strict();

const voucherIdSchema = z.string().min(1).max(40);

export const handBackSchema = z
  .object({ voucherIds: z.array(voucherIdSchema).min(1).max(500) })
  .strict()
  .openapi('HandBack');
export type HandBackInput = z.infer<typeof handBackSchema>;

export const handBackResultSchema = z
  .object({ handedBack: z.array(z.string()), notHeld: z.array(z.string()) })
  .openapi('HandBackResult');
export type HandBackResult = z.infer<typeof handBackResultSchema>;
