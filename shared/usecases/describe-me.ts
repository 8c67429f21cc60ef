import type { Principal } from '../domain/api-key.js';
import type { Stores } from '../store/stores.js';

/** The calling key as a client needs it, and whose it is when a person's. */
export interface Me extends Principal {
  displayName?: string;
}

/**
 * The calling key as a client needs it: its role, organisation and scope (e.g. which pickup
 * points a volunteer serves), and for a person's key the person and what colleagues call them
 * (one read; a machine key reads nothing: authentication already did).
 */
export async function describeMe(
  _input: Record<string, never>,
  actor: Principal,
  deps: { stores: Pick<Stores, 'people'> },
): Promise<Me> {
  const me: Me = { keyId: actor.keyId, role: actor.role, orgId: actor.orgId, scope: actor.scope };
  if (actor.personId === undefined) return me;
  const person = await (await deps.stores.people()).get(actor.personId);
  return {
    ...me,
    personId: actor.personId,
    ...(person === undefined ? {} : { displayName: person.displayName }),
  };
}
