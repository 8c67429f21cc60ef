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

/** The pack names at most this many other phones (a shelter has a few dozen at most). */
export const MAX_OTHER_PHONES = 10;

/** A phone that holds vouchers of this device's shelter (issue 21), so a phone with none can say who has them. */
export const packOtherPhoneSchema = z
  .object({
    deviceId: z.string(),
    label: z.string().openapi({
      description:
        'As registered, e.g. "Main gate · 7F3K"; the same name a 409 voucher-held-by-device gives.',
    }),
    pickupPointId: z.string(),
    pickupPointName: z.string(),
    held: z.number().int().min(0).openapi({ description: 'Issued vouchers of the shelter it holds now.' }),
    lastContactAt: z.string().openapi({ description: 'Its last pack, sync or registration (server time).' }),
    silentFrom: z.string().openapi({
      description:
        'lastContactAt + silentPhoneMinutes: if it stays silent past this, the next refresh of another phone takes its vouchers back into the pool.',
    }),
  })
  .openapi('PackOtherPhone');
export type PackOtherPhone = z.infer<typeof packOtherPhoneSchema>;

/**
 * Where the shelter's issued vouchers are, as this refresh left them: counted over the vouchers
 * still issued and valid. Always whole, in full and delta packs alike.
 */
export const packPoolSchema = z
  .object({
    heldHere: z.number().int().min(0).openapi({
      description: 'Vouchers this phone holds for offline handover (its list, once this pack is applied).',
    }),
    heldByOtherPhones: z.number().int().min(0).openapi({
      description: 'Vouchers other phones of the shelter hold now: this phone cannot hand them over offline.',
    }),
    inPool: z.number().int().min(0).openapi({
      description:
        'Vouchers no phone holds: handed over online only, until a phone whose share they are takes them at its refresh.',
    }),
    silentPhoneMinutes: z.number().int().openapi({
      description: 'The shelter’s setting: a phone silent longer than this loses its vouchers to the others.',
    }),
    otherPhones: z.array(packOtherPhoneSchema).openapi({
      description: `The phones behind heldByOtherPhones, most vouchers first (at most ${MAX_OTHER_PHONES}).`,
    }),
  })
  .openapi('PackPool');
export type PackPool = z.infer<typeof packPoolSchema>;

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
    pool: packPoolSchema,
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
