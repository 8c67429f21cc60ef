import type { Principal } from '../domain/api-key.js';
import { type InvitationView, invitationView } from '../domain/invitation.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadManagedPerson } from './people-access.js';

/**
 * Withdraws an invitation not used yet (a code shown to the wrong phone, a link sent to the wrong
 * address): opening it then says it was withdrawn and whom to ask. Repeating it changes nothing.
 */
export async function revokeInvitation(
  input: { personId: string; invitationId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'people' | 'invitations'>; now: () => Date },
): Promise<InvitationView> {
  await loadManagedPerson(input.personId, actor, deps);
  const invitations = await deps.stores.invitations();
  const invitation = await invitations.get(input.invitationId);
  if (invitation === undefined || invitation.personId !== input.personId)
    throw new NotFoundError('Invitation', input.invitationId);
  const revoked = await invitations.revoke(invitation.id, deps.now().toISOString(), {
    keyId: actor.keyId,
    personId: actor.personId,
  });
  return invitationView(revoked, deps.now());
}
