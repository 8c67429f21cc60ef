import { issueInvitationCode } from '../auth/invitation-code.js';
import type { Principal } from '../domain/api-key.js';
import {
  type CreatedInvitation,
  type CreateInvitationInput,
  type InvitationRecord,
  type Inviter,
  invitationLink,
} from '../domain/invitation.js';
import { landingPageOf } from '../domain/person.js';
import { qrPng, qrSvg } from '../domain/voucher-qr.js';
import { ConflictError } from '../errors/app-errors.js';
import { PersonNotInvitableError } from '../store/invitation-store.js';
import type { Stores } from '../store/stores.js';
import { loadManagedPerson } from './people-access.js';

export interface InvitationDeps {
  stores: Pick<Stores, 'people' | 'invitations' | 'organizations' | 'apiKeys'>;
  now: () => Date;
}

/** Big enough for a phone's camera to read off a laptop screen or a printout. */
const QR_PNG_WIDTH = 512;

/**
 * A one-time link for a person the caller manages, and its QR code. The code (256 random bits)
 * is in the link after `#` and in the QR code, and nowhere else: it is not stored (only its
 * hash), not logged, and cannot be read back. A new invitation leaves earlier ones as they are.
 * `baseUrl` is where the pages are served (the deployment's public address).
 */
export async function createInvitation(
  input: { personId: string; baseUrl: string } & CreateInvitationInput,
  actor: Principal,
  deps: InvitationDeps,
): Promise<CreatedInvitation> {
  const person = await loadManagedPerson(input.personId, actor, deps);
  if (person.status === 'revoked') throw new PersonNotInvitableError(person.id);
  const now = deps.now();
  const { id, code, secretHash } = issueInvitationCode(now);
  const page = landingPageOf(person.role);
  const invitation: InvitationRecord = {
    id,
    personId: person.id,
    orgId: person.orgId,
    page,
    secretHash,
    invitedBy: await inviter(actor, deps),
    createdAt: now.toISOString(),
    createdBy: actor.keyId,
    ...(actor.personId === undefined ? {} : { createdByPersonId: actor.personId }),
    expiresAt: new Date(now.getTime() + input.expiresInMinutes * 60_000).toISOString(),
  };
  const invitations = await deps.stores.invitations();
  await invitations.create(invitation);
  const link = invitationLink(input.baseUrl, page, code);
  const [svg, png] = await Promise.all([
    qrSvg(link, `QR code of the invitation for ${person.displayName}`),
    qrPng(link, QR_PNG_WIDTH),
  ]);
  return {
    id,
    personId: person.id,
    page,
    expiresAt: invitation.expiresAt,
    link,
    qr: { svg, pngBase64: Buffer.from(png).toString('base64') },
  };
}

/**
 * Whom a refused code tells its holder to ask: the inviting person's display name (a machine
 * key's label when no person acted) and organisation. Taken now, so a refusal reads nothing more.
 */
async function inviter(actor: Principal, deps: InvitationDeps): Promise<Inviter> {
  const personId = actor.personId;
  const [person, key, org] = await Promise.all([
    personId === undefined ? undefined : deps.stores.people().then((people) => people.get(personId)),
    actor.personId === undefined ? deps.stores.apiKeys.get(actor.keyId) : undefined,
    deps.stores.organizations.get(actor.orgId),
  ]);
  const displayName = person?.displayName ?? key?.label;
  if (displayName === undefined || org === undefined)
    throw new ConflictError('The inviting key’s person or organisation is missing: invite with another key.');
  return { displayName, organization: { id: org.id, name: org.name } };
}
