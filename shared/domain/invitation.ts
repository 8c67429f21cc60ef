import { z } from '@hono/zod-openapi';
import { keyScopeSchema, roleSchema } from './api-key.js';
import { actorIdSchema } from './attribution.js';
import { landingPageSchema, personIdSchema } from './person.js';

/**
 * An invitation (issue 22 §2): a one-time code that a person's phone or laptop exchanges, once,
 * for a key of that person's own. The code is 256 random bits after the invitation's id; only a
 * SHA-256 of the secret part is stored, and the code travels only after `#` in the link, so no
 * server log, proxy or URL ever sees it.
 *
 * pending -> used (a key was made) | expired | revoked (by hand, or with the person).
 */
export const invitationStatusSchema = z
  .enum(['pending', 'used', 'expired', 'revoked'])
  .openapi('InvitationStatus');
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const DEFAULT_INVITATION_MINUTES = 15;
export const MAX_INVITATION_MINUTES = 7 * 24 * 60;

const INVITATION_ID = /^inv_[0-9A-HJKMNP-TV-Z]{26}$/;
export const invitationIdSchema = z
  .string()
  .max(40)
  .regex(INVITATION_ID, 'an invitation id: inv_ and 26 Crockford base32 characters');

export const createInvitationSchema = z
  .object({
    expiresInMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_INVITATION_MINUTES)
      .default(DEFAULT_INVITATION_MINUTES)
      .openapi({
        description: `How long the code works. ${DEFAULT_INVITATION_MINUTES} minutes by default, for a code shown on a screen and scanned at once; up to ${MAX_INVITATION_MINUTES} (7 days) for a link sent to a member of staff.`,
      }),
  })
  .strict()
  .openapi('CreateInvitation');
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Who sent the invitation, as a refused code tells its holder whom to ask: a name and an organisation. */
export const inviterSchema = z
  .object({
    displayName: z.string().openapi({
      description: 'The inviter’s display name (for a machine key, its label).',
      example: 'Dara (Phnom Penh office)',
    }),
    organization: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi('Inviter');
export type Inviter = z.infer<typeof inviterSchema>;

/** An invitation as stored: the hash of its secret, never the secret. */
export const invitationRecordSchema = z
  .object({
    id: invitationIdSchema,
    personId: personIdSchema,
    orgId: z.string(),
    page: landingPageSchema,
    secretHash: z.string().min(1),
    invitedBy: inviterSchema,
    createdAt: z.iso.datetime(),
    createdBy: actorIdSchema,
    createdByPersonId: z.string().optional(),
    expiresAt: z.iso.datetime(),
    usedAt: z.iso.datetime().optional(),
    keyId: z.string().optional(),
    /** SHA-256 of the attemptId the exchange came with: only that device may retry it. */
    attemptHash: z.string().optional(),
    /** When a retry of the exchange replaced its key (the first answer was lost). */
    reissuedAt: z.iso.datetime().optional(),
    revokedAt: z.iso.datetime().optional(),
    revokedBy: actorIdSchema.optional(),
    revokedByPersonId: z.string().optional(),
  })
  .strict();
export type InvitationRecord = z.infer<typeof invitationRecordSchema>;

/** Used, then revoked, then expired: the first thing that happened to it is what it is. */
export function invitationStatus(
  invitation: Pick<InvitationRecord, 'usedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): InvitationStatus {
  if (invitation.usedAt !== undefined) return 'used';
  if (invitation.revokedAt !== undefined) return 'revoked';
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'pending';
}

/** An invitation as listed to whoever manages the person: no secret in any form. */
export const invitationViewSchema = invitationRecordSchema
  .omit({ secretHash: true, attemptHash: true })
  .extend({ status: invitationStatusSchema })
  .openapi('Invitation');
export type InvitationView = z.infer<typeof invitationViewSchema>;

export function invitationView(record: InvitationRecord, now: Date): InvitationView {
  const { secretHash: _hidden, attemptHash: _attempt, ...view } = record;
  return { ...view, status: invitationStatus(record, now) };
}

/** The answer to creating one: the link and its QR code, shown this once. */
export const createdInvitationSchema = z
  .object({
    id: invitationIdSchema,
    personId: personIdSchema,
    page: landingPageSchema,
    expiresAt: z.iso.datetime(),
    link: z.string().openapi({
      description:
        'Open on the person’s phone (its camera app opens the QR code) or send to them. The code is after `#`, so it never reaches a server log. Shown this once: it cannot be read back.',
      example: 'https://supplyline.example.org/scan#invite=inv_01JE4S9M2R7Q8V6T5W3X1Y0Z9A.q9…',
    }),
    qr: z.object({
      svg: z.string().openapi({ description: 'The link as a QR code, SVG (role="img", with a <title>).' }),
      pngBase64: z.string().openapi({ description: 'The same QR code as a PNG, base64.' }),
    }),
  })
  .strict()
  .openapi('CreatedInvitation');
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

/** How long after an exchange the same device may retry it (its answer lost on a bad network). */
export const ACCEPT_RETRY_MINUTES = 10;

/** An invitation code: its id, a dot, and 32 random bytes in base64url. */
export const INVITATION_CODE = /^inv_[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{43}$/;

export const acceptInvitationSchema = z
  .object({
    code: z.string().min(1).max(120).openapi({
      description: 'What follows `#invite=` in the link.',
    }),
    label: z.string().trim().min(1).max(60).optional().openapi({
      description:
        'What to call the new key in the person’s list of keys, e.g. "Android phone". Default: "Phone or laptop".',
      example: 'Android phone',
    }),
    attemptId: z
      .string()
      .min(16)
      .max(64)
      .regex(/^[A-Za-z0-9_-]{16,64}$/, '16 to 64 letters, digits, - or _: a UUID without braces works')
      .optional()
      .openapi({
        description: `Recommended: a random string (a UUID) the page makes once for this link and sends again, unchanged, when it retries. If the answer to the exchange was lost on the way, a retry with the same attemptId within ${ACCEPT_RETRY_MINUTES} minutes gets the key after all (a fresh one: the lost one is revoked) instead of \`invitation-used\`. Another phone, without it, still gets \`invitation-used\`.`,
        example: '2f6c1d0e-5b7a-4e8f-9c3d-1a2b3c4d5e6f',
      }),
  })
  .strict()
  .openapi('AcceptInvitation');
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const acceptedInvitationSchema = z
  .object({
    apiKey: z.string().openapi({
      description:
        'The person’s own key: shown once, never stored. Keep it on the device (never show it), send it as `Authorization: Bearer <key>`.',
    }),
    keyId: z.string(),
    person: z.object({
      id: personIdSchema,
      displayName: z.string(),
      role: roleSchema,
      orgId: z.string(),
      scope: keyScopeSchema,
    }),
    page: landingPageSchema,
  })
  .strict()
  .openapi('AcceptedInvitation');
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;

/** The link a person opens: the landing page of their role, the code after `#`. */
export function invitationLink(baseUrl: string, page: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${page}#invite=${code}`;
}
