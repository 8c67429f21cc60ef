import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { actorIdSchema, createdFields } from './attribution.js';
import { slugSchema } from './slug.js';

/** What a key may do. Each route names the roles it admits. */
export const roleSchema = z.enum(['admin', 'coordinator', 'volunteer', 'logistics']).openapi('Role');
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

/** `"*"` means every shelter (or pickup point); a list restricts the key to those. */
const scopeListSchema = z.union([z.literal('*'), z.array(z.string().min(1).max(64)).max(100)]);
type ScopeList = z.infer<typeof scopeListSchema>;

/**
 * A key's reach as stored and as every use case sees it. Both halves are always present: no
 * reader ever supplies a default, so no key reaches further than an admin said it should.
 * A list may be empty where the role never uses that half (a coordinator's pickup points).
 */
export const keyScopeSchema = z
  .object({ shelterIds: scopeListSchema, pickupPointIds: scopeListSchema })
  .strict()
  .openapi('KeyScope');
export type KeyScope = z.infer<typeof keyScopeSchema>;

/** An admin's key reaches every shelter and pickup point: that is what being an admin means. */
export const ADMIN_SCOPE: KeyScope = { shelterIds: '*', pickupPointIds: '*' };

export const createApiKeySchema = z
  .object({
    role: roleSchema,
    orgId: slugSchema,
    scope: z
      .object({ shelterIds: scopeListSchema.optional(), pickupPointIds: scopeListSchema.optional() })
      .strict()
      .optional()
      .openapi({
        description:
          'Required for every role but admin: a volunteer key names its `pickupPointIds`, a coordinator or logistics key its `shelterIds`, each a list or `"*"` (all). There is no default.',
      }),
    label: z.string().trim().min(1).max(120).openapi({ example: 'Kandal pickup volunteers' }),
  })
  .strict()
  .openapi('CreateApiKey');
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
export type RequestedScope = NonNullable<CreateApiKeyInput['scope']>;

/**
 * A person's own key (made by accepting an invitation: it acts for that person, with the person's
 * role and scope) or a machine key (a partner system's, or a script's: made by an admin). Keys
 * stored before people existed are machine keys.
 */
export const keyKindSchema = z.enum(['person', 'machine']).openapi('KeyKind');
export type KeyKind = z.infer<typeof keyKindSchema>;

/** A stored key: only the hash of its secret is kept. */
export const apiKeyRecordSchema = z
  .object({
    id: z.string().min(1).max(64),
    secretHash: z.string().min(1),
    kind: keyKindSchema.default('machine'),
    /** Person keys: whose key it is, and the invitation it was made from. */
    personId: z.string().optional(),
    invitationId: z.string().optional(),
    role: roleSchema,
    orgId: slugSchema,
    scope: keyScopeSchema,
    label: z.string(),
    ...createdFields,
    /** Person keys: when it was last used (written at most every 10 minutes). */
    lastSeenAt: z.iso.datetime().optional(),
    revokedAt: z.iso.datetime().optional(),
    revokedBy: actorIdSchema.optional(),
  })
  .strict();
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

/** A key as the API shows it: everything but the hash of its secret. */
export const apiKeyViewSchema = apiKeyRecordSchema.omit({ secretHash: true }).openapi('ApiKey');
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

export function apiKeyView(record: ApiKeyRecord): ApiKeyView {
  const { secretHash: _hidden, ...view } = record;
  return view;
}

/** Who is calling, as every use case sees it. */
export interface Principal {
  keyId: string;
  /** The person whose key it is; undefined for machine keys (partner systems, scripts). */
  personId?: string | undefined;
  role: Role;
  orgId: string;
  scope: KeyScope;
}

export function scopeAllows(list: KeyScope['shelterIds'], id: string): boolean {
  return list === '*' || list.includes(id);
}

/** Which half of the scope a role acts through, and what to tell an admin who left it out. */
const requiredScope: Record<Exclude<Role, 'admin'>, { half: keyof KeyScope; say: string }> = {
  volunteer: {
    half: 'pickupPointIds',
    say: 'name the pickup points this volunteer key serves, e.g. ["pp-central-gate"], or "*" for every pickup point',
  },
  coordinator: {
    half: 'shelterIds',
    say: 'name the shelters this coordinator key issues vouchers for, e.g. ["pp-central"], or "*" for every shelter',
  },
  logistics: {
    half: 'shelterIds',
    say: 'name the shelters this logistics key manages stock at, e.g. ["pp-central"], or "*" for every shelter',
  },
};

/**
 * What a refused scope's problem says, in one line that agrees with its field errors: an admin
 * key must send none, every other key must send its own.
 */
export function scopeProblem(role: Role): string {
  return role === 'admin'
    ? 'An admin key takes no scope: it reaches every shelter and pickup point.'
    : `A ${role} key needs an explicit scope.`;
}

/**
 * The scope a new key is asked for, checked against its role: an admin names none; every other
 * role must name the half it acts through (or `"*"`, an admin's explicit choice). Field paths
 * are relative to the key's input (`scope.pickupPointIds`).
 */
export function checkRequestedScope(role: Role, scope: RequestedScope | undefined): FieldError[] {
  if (role === 'admin') {
    return scope === undefined
      ? []
      : [{ field: 'scope', message: 'admin keys reach every shelter and pickup point: send no scope' }];
  }
  const { half, say } = requiredScope[role];
  const given: ScopeList | undefined = scope?.[half];
  if (given === undefined || (Array.isArray(given) && given.length === 0))
    return [{ field: `scope.${half}`, message: say }];
  return [];
}
