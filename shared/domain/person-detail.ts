import { z } from '@hono/zod-openapi';
import { deviceStatusSchema } from './device.js';
import { invitationViewSchema } from './invitation.js';
import { personViewSchema } from './person.js';

/** One of the person's keys (their phone, their laptop): never its secret. */
export const personKeySchema = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.iso.datetime(),
    invitationId: z.string().optional(),
    lastSeenAt: z.iso.datetime().optional(),
    revokedAt: z.iso.datetime().optional(),
  })
  .openapi('PersonKey');
export type PersonKey = z.infer<typeof personKeySchema>;

/** A person's key as listed: never its secret. */
export function personKeyView(key: {
  id: string;
  label: string;
  createdAt: string;
  invitationId?: string | undefined;
  lastSeenAt?: string | undefined;
  revokedAt?: string | undefined;
}): PersonKey {
  const { id, label, createdAt, invitationId, lastSeenAt, revokedAt } = key;
  return {
    id,
    label,
    createdAt,
    ...(invitationId === undefined ? {} : { invitationId }),
    ...(lastSeenAt === undefined ? {} : { lastSeenAt }),
    ...(revokedAt === undefined ? {} : { revokedAt }),
  };
}

/** One of the scanning devices their keys registered. */
const personDeviceSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    pickupPointId: z.string(),
    shelterId: z.string(),
    status: deviceStatusSchema,
    lastSeenAt: z.iso.datetime().optional(),
    lastSyncAt: z.iso.datetime().optional(),
    revokedAt: z.iso.datetime().optional(),
  })
  .openapi('PersonDevice');

/**
 * A person with what is theirs: keys, devices, and their latest invitations (newest first).
 * Spread, not `.extend()`: extending a named schema is documented as an `allOf` of two closed
 * objects, which no answer can satisfy.
 */
export const personDetailSchema = z
  .object({
    ...personViewSchema.shape,
    keys: z.array(personKeySchema),
    devices: z.array(personDeviceSchema),
    invitations: z.array(invitationViewSchema).openapi({ description: 'The latest 20, newest first.' }),
  })
  .openapi('PersonDetail');
export type PersonDetail = z.infer<typeof personDetailSchema>;
