import { z } from '@hono/zod-openapi';
import { keyScopeSchema, roleSchema } from './api-key.js';
import { actorIdSchema } from './attribution.js';

/**
 * A person as stored (see person.ts): what the person store parses, and all the hot path needs
 * (a key's person, display names in listings). Requests, views and rules live in person.ts,
 * loaded with the administration routes.
 *
 * invited (added, no key yet) -> active (accepted an invitation) -> revoked (final).
 */
export const personStatusSchema = z.enum(['invited', 'active', 'revoked']).openapi('PersonStatus');
export type PersonStatus = z.infer<typeof personStatusSchema>;

const PERSON_ID = /^psn_[0-9A-HJKMNP-TV-Z]{26}$/;
export const personIdSchema = z
  .string()
  .max(40)
  .regex(PERSON_ID, 'a person id: psn_ and 26 Crockford base32 characters')
  .openapi({ example: 'psn_01JE4S9M2R7Q8V6T5W3X1Y0Z9A' });

/** A person as stored. `version` goes up with every change, so keys made from it never miss one. */
export const personRecordSchema = z
  .object({
    id: personIdSchema,
    orgId: z.string(),
    displayName: z.string(),
    role: roleSchema,
    scope: keyScopeSchema,
    status: personStatusSchema,
    version: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    createdBy: actorIdSchema,
    createdByPersonId: z.string().optional(),
    updatedAt: z.iso.datetime().optional(),
    updatedBy: actorIdSchema.optional(),
    updatedByPersonId: z.string().optional(),
    activatedAt: z.iso.datetime().optional(),
    lastSeenAt: z.iso.datetime().optional(),
    revokedAt: z.iso.datetime().optional(),
    revokedBy: actorIdSchema.optional(),
    revokedByPersonId: z.string().optional(),
  })
  .strict();
export type PersonRecord = z.infer<typeof personRecordSchema>;
