import { z } from '@hono/zod-openapi';
import { type Principal, roleSchema, scopeAllows } from './api-key.js';
import { type PersonRecord, personRecordSchema } from './person-record.js';
import { slugSchema } from './slug.js';

/**
 * A person: one human who works with Supplyline (issue 22). Staff only, never a beneficiary, and
 * nothing about them but what colleagues call them: no phone number, no e-mail, no surname
 * required. A person holds keys of their own (a phone, a laptop), each made by accepting an
 * invitation, and acts with the role and scope the person has.
 *
 * invited (added, no key yet) -> active (accepted an invitation) -> revoked (final: every key,
 * device and invitation of theirs revoked with them).
 * The record itself is in person-record.ts (the hot path parses it); requests, views and the
 * rule of who manages whom are here.
 */
export {
  type PersonRecord,
  type PersonStatus,
  personIdSchema,
  personRecordSchema,
  personStatusSchema,
} from './person-record.js';

/**
 * Control characters and bidirectional overrides: a name shown to colleagues must read as what it
 * is, not reorder the text around it on a page or in a spreadsheet.
 */
const UNSHOWABLE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** What colleagues call the person. Free text typed by staff: never logged, never in an event. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((name) => !UNSHOWABLE.test(name), {
    message: 'letters, digits, spaces and punctuation only: no control characters or direction overrides',
  })
  .openapi({
    example: 'Sokha (gate desk)',
    description:
      'What colleagues call this person, as shown on pages and in exports. Staff only: no other personal data (no phone number, no e-mail, no surname needed).',
  });

const scopeListSchema = z.union([z.literal('*'), z.array(z.string().min(1).max(64)).max(100)]);

export const createPersonSchema = z
  .object({
    displayName: displayNameSchema,
    role: roleSchema,
    orgId: slugSchema.optional().openapi({ description: 'Default: the caller’s organisation.' }),
    scope: z
      .object({ shelterIds: scopeListSchema.optional(), pickupPointIds: scopeListSchema.optional() })
      .strict()
      .optional()
      .openapi({
        description:
          'As for API keys: a volunteer names its `pickupPointIds`, a coordinator or logistics lead its `shelterIds` (a list, or `"*"`); an admin takes none. There is no default.',
      }),
  })
  .strict()
  .openapi('CreatePerson');
export type CreatePersonInput = z.infer<typeof createPersonSchema>;

export const updatePersonSchema = createPersonSchema
  .pick({ displayName: true, role: true, scope: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .openapi('UpdatePerson');
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;

/** A person as listed: the record, and the display name of whoever added them. */
export const personViewSchema = personRecordSchema
  .extend({
    createdByName: z.string().optional().openapi({
      description: 'The display name of the person who added them (absent when a machine key did).',
    }),
  })
  .openapi('Person', {
    description:
      '`createdBy`, `updatedBy` and `revokedBy` are key ids; the `...PersonId` beside each names the person behind the key, when a person’s key acted. `lastSeenAt`: when one of their keys was last used (to within 10 minutes).',
  });
export type PersonView = z.infer<typeof personViewSchema>;

/**
 * Who may manage whom. An admin manages everyone. A coordinator manages the volunteers of its own
 * organisation whose pickup points all lie at shelters of its own scope (a volunteer's shelters
 * are those of its pickup points), and nobody else: not other coordinators, not logistics leads.
 */
export function managesPerson(
  actor: Pick<Principal, 'role' | 'orgId' | 'scope'>,
  person: Pick<PersonRecord, 'role' | 'orgId' | 'scope'>,
): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'coordinator' &&
    person.role === 'volunteer' &&
    person.orgId === actor.orgId &&
    withinShelters(person.scope.shelterIds, actor.scope.shelterIds)
  );
}

/** Whether every shelter of `inner` is one of `outer`'s ("*" only within "*"). */
export function withinShelters(
  inner: PersonRecord['scope']['shelterIds'],
  outer: PersonRecord['scope']['shelterIds'],
): boolean {
  if (outer === '*') return true;
  return inner !== '*' && inner.every((id) => scopeAllows(outer, id));
}

/**
 * The page a person lands on when they open an invitation, by role: where their daily work is. A
 * logistics lead's is the desk (receiving, counts, conflicts, thresholds), which links to the
 * read-only /dashboard; both keep the one key, and a /dashboard link made before still lands there.
 */
export const landingPageSchema = z.enum(['/scan', '/desk', '/coordinator', '/admin']).openapi('LandingPage');
export type LandingPage = z.infer<typeof landingPageSchema>;

export function landingPageOf(role: PersonRecord['role']): LandingPage {
  switch (role) {
    case 'volunteer':
      return '/scan';
    case 'logistics':
      return '/desk';
    case 'coordinator':
      return '/coordinator';
    case 'admin':
      return '/admin';
  }
}
