import type { Principal } from '../domain/api-key.js';

/**
 * The calling key as a client needs it: its role, organisation and scope (e.g. which pickup
 * points a volunteer serves). Reads nothing: authentication already did.
 */
export async function describeMe(
  _input: Record<string, never>,
  actor: Principal,
  _deps: unknown,
): Promise<Principal> {
  return { keyId: actor.keyId, role: actor.role, orgId: actor.orgId, scope: actor.scope };
}
