import { z } from '@hono/zod-openapi';
import { slugSchema } from './slug.js';

/**
 * A scanning device: one volunteer key's phone at one pickup point, registered once. It holds a
 * pool of vouchers to hand over offline and signs each offline handover with its own secret.
 * active -> signed-off (pool handed back; the next pack makes it active again) | revoked (final).
 */
export const deviceStatusSchema = z.enum(['active', 'signed-off', 'revoked']).openapi('DeviceStatus');
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/**
 * Why a device was revoked. `lost-or-stolen` (revoked by itself; absent on devices revoked before
 * people existed): nothing it recorded offline is trusted afterwards, every late record becomes a
 * conflict. `person-revoked` (its person was revoked): the phone was not lost, its records dated
 * before the revocation happened and still sync; later ones become conflicts.
 */
export const deviceRevocationReasonSchema = z
  .enum(['lost-or-stolen', 'person-revoked'])
  .openapi('DeviceRevocationReason');
export type DeviceRevocationReason = z.infer<typeof deviceRevocationReasonSchema>;

export const registerDeviceSchema = z
  .object({
    pickupPointId: slugSchema,
    label: z.string().trim().min(1).max(60).openapi({ example: 'Desk 2 phone' }),
  })
  .strict()
  .openapi('RegisterDevice');
export type RegisterDeviceInput = z.infer<typeof registerDeviceSchema>;

const deviceFields = {
  id: z.string().regex(/^dev_[0-9A-HJKMNP-TV-Z]{26}$/),
  label: z.string(),
  pickupPointId: z.string(),
  shelterId: z.string(),
  keyId: z.string(),
  personId: z.string().optional().openapi({
    description: 'The person whose key registered it (absent for a machine key).',
  }),
  orgId: z.string(),
  status: deviceStatusSchema,
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().optional(),
  lastSyncAt: z.iso.datetime().optional(),
  poolSize: z.number().int().min(0).optional(),
  signedOffAt: z.iso.datetime().optional(),
  signedOffBy: z.string().optional().openapi({
    description:
      'The key that signed it off for its volunteer (an admin, coordinator or logistics lead handing its vouchers back); absent when the phone signed itself off.',
  }),
  signedOffByPersonId: z.string().optional(),
  revokedAt: z.iso.datetime().optional(),
  revokedBy: z.string().optional(),
  revocationReason: deviceRevocationReasonSchema.optional(),
};

/**
 * A device as stored: the secret sealed (AES-256-GCM, see shared/auth/device-secret.ts), never
 * in plain text, because the server must keep it to verify the HMAC of every offline record.
 */
export const deviceRecordSchema = z.object({ ...deviceFields, sealedSecret: z.string() }).strict();
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;

/** A device as listed: no secret in any form. */
export const deviceViewSchema = z
  .object({
    ...deviceFields,
    poolSize: z.number().int().min(0).openapi({ description: 'Vouchers in its last pack.' }),
  })
  .openapi('Device');
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** A phone whose vouchers a manager handed back to its shelter's pool. */
export const releasedDeviceSchema = z
  .object({
    device: deviceViewSchema,
    released: z.number().int().min(0).openapi({
      description: 'How many vouchers it held: other desks can hand them over now.',
    }),
  })
  .openapi('ReleasedDevice');
export type ReleasedDevice = z.infer<typeof releasedDeviceSchema>;

/** The answer to a registration: the one time the secret is shown. */
export const registeredDeviceSchema = deviceViewSchema
  .extend({
    secret: z.string().openapi({
      description: 'base64url of 32 random bytes. Shown only in this response: store it on the device.',
    }),
  })
  .openapi('RegisteredDevice');
export type RegisteredDevice = z.infer<typeof registeredDeviceSchema>;

export function deviceView(device: DeviceRecord): DeviceView {
  const { sealedSecret: _sealed, ...view } = device;
  return { ...view, poolSize: device.poolSize ?? 0 };
}

export const deviceIdSchema = z
  .string()
  .max(40)
  .regex(/^dev_[0-9A-HJKMNP-TV-Z]{26}$/, 'a device id: dev_ and 26 Crockford base32 characters');
