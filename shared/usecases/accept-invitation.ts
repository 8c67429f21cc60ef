import { addressPseudonym } from '../auth/address-pseudonym.js';
import { hashSecret, issueSecret, secretMatches } from '../auth/api-key-secret.js';
import { parseInvitationCode } from '../auth/invitation-code.js';
import type { KeyCache } from '../auth/key-cache.js';
import type { ApiKeyRecord } from '../domain/api-key.js';
import {
  ACCEPT_RETRY_MINUTES,
  type AcceptedInvitation,
  type AcceptInvitationInput,
  type InvitationRecord,
  invitationStatus,
} from '../domain/invitation.js';
import { landingPageOf, type PersonRecord } from '../domain/person.js';
import { ConflictError, RateLimitedError } from '../errors/app-errors.js';
import { invitationRefusals } from '../errors/invitation-errors.js';
import type { RateLimit } from '../store/rate-limit-store.js';
import type { Stores } from '../store/stores.js';

export interface AcceptInvitationDeps {
  stores: Pick<Stores, 'people' | 'invitations' | 'rateLimits'>;
  /** The app's secret that pseudonymises source addresses for counting. */
  secrets: { beneficiaryHashKey: string };
  /** Attempts allowed per source address per minute. */
  invitationAcceptsPerMinute: number;
  /** A retried exchange revokes the key of the lost answer: forgotten here at once. */
  keyCache: Pick<KeyCache, 'forget'>;
  now: () => Date;
}

const DEFAULT_LABEL = 'Phone or laptop';
/** A change of the person (a new role or scope) racing the accept: the key is made from the new one. */
const ATTEMPTS = 3;

/**
 * Exchanges an invitation code, once, for the person's own key (public: the caller has no key
 * yet). Attempts are counted per source address first, in the table (Lambda runs many instances).
 * A code that is not ours, or whose secret does not match, is `invitation-invalid` and tells
 * nothing more; a code of ours that is used, expired or revoked (or whose person was revoked)
 * says which, and who sent it. Of any number of concurrent accepts, exactly one makes a key.
 * The device that made it may retry with the same `attemptId` if the answer was lost: it gets a
 * fresh key, and the one it never received is revoked.
 */
export async function acceptInvitation(
  input: AcceptInvitationInput & { clientAddress: string | undefined },
  _actor: undefined,
  deps: AcceptInvitationDeps,
): Promise<AcceptedInvitation> {
  await countAttempt(input.clientAddress, deps);
  const parsed = parseInvitationCode(input.code);
  if (parsed === undefined) throw invitationRefusals.invalid();
  const [invitations, people] = await Promise.all([deps.stores.invitations(), deps.stores.people()]);
  let invitation = await invitations.get(parsed.id);
  if (invitation === undefined || !secretMatches(parsed.secret, invitation.secretHash))
    throw invitationRefusals.invalid();

  const attemptHash = input.attemptId === undefined ? undefined : hashSecret(input.attemptId);
  for (let attempt = 1; ; attempt++) {
    const person = await people.get(invitation.personId);
    const at = deps.now().toISOString();
    const retry = lostAnswerRetry(invitation, person, attemptHash, at);
    if (retry === undefined) refuseUnusable(invitation, person, at);
    if (person === undefined) throw invitationRefusals.invalid();
    const { keyId, apiKey, secretHash } = issueSecret();
    const key: ApiKeyRecord = {
      id: keyId,
      secretHash,
      kind: 'person',
      personId: person.id,
      invitationId: invitation.id,
      role: person.role,
      orgId: person.orgId,
      scope: person.scope,
      label: input.label ?? DEFAULT_LABEL,
      createdAt: at,
      createdBy: invitation.createdBy,
    };
    const outcome =
      retry === undefined
        ? await invitations.accept(invitation, person, key, at, attemptHash)
        : await invitations.reissue(retry, person, key, at);
    if (outcome.outcome === 'committed') {
      if (retry !== undefined) deps.keyCache.forget(retry.keyId);
      const { id, displayName, role, orgId, scope } = person;
      // The page of the role the person has now (it may have changed since the link was made).
      return { apiKey, keyId, person: { id, displayName, role, orgId, scope }, page: landingPageOf(role) };
    }
    // Refused: the invitation or the person changed since they were read. Read again and say why.
    const current = await invitations.get(invitation.id);
    if (current === undefined) throw invitationRefusals.invalid();
    invitation = current;
    if (attempt >= ATTEMPTS)
      throw new ConflictError(
        'The invitation’s person changed while the key was being made: open the link again.',
      );
  }
}

/**
 * The invitation, when this is the retry of an exchange whose answer the device never got: the
 * same attemptId as the exchange, within ACCEPT_RETRY_MINUTES of it, invitation and person not
 * revoked since. Any other caller of a used code is told it is used.
 */
function lostAnswerRetry(
  invitation: InvitationRecord,
  person: PersonRecord | undefined,
  attemptHash: string | undefined,
  at: string,
): (InvitationRecord & { keyId: string; attemptHash: string }) | undefined {
  const { usedAt, keyId } = invitation;
  if (attemptHash === undefined || usedAt === undefined || keyId === undefined) return undefined;
  if (invitation.attemptHash !== attemptHash || invitation.revokedAt !== undefined) return undefined;
  if (person === undefined || person.status === 'revoked') return undefined;
  if (Date.parse(at) - Date.parse(usedAt) > ACCEPT_RETRY_MINUTES * 60_000) return undefined;
  return { ...invitation, keyId, attemptHash };
}

async function countAttempt(address: string | undefined, deps: AcceptInvitationDeps): Promise<void> {
  const limit: RateLimit = {
    purpose: 'invitation-accept',
    limit: deps.invitationAcceptsPerMinute,
    windowSeconds: 60,
  };
  const outcome = await deps.stores.rateLimits.attempt(
    limit,
    addressPseudonym(address, deps.secrets.beneficiaryHashKey),
    deps.now(),
  );
  if (!outcome.allowed)
    throw new RateLimitedError(
      `Too many invitation codes were tried from this network: wait ${outcome.retryAfterSeconds} seconds, then open the link again.`,
      outcome.retryAfterSeconds,
    );
}

/** Used, revoked (the invitation, or its person), expired: the first that applies, with whom to ask. */
function refuseUnusable(invitation: InvitationRecord, person: PersonRecord | undefined, at: string): void {
  const status = invitationStatus(invitation, new Date(at));
  if (status === 'used') throw invitationRefusals.used(invitation.invitedBy, invitation.usedAt ?? at);
  if (status === 'revoked' || person?.status === 'revoked')
    throw invitationRefusals.revoked(invitation.invitedBy, invitation.revokedAt ?? person?.revokedAt);
  if (status === 'expired') throw invitationRefusals.expired(invitation.invitedBy, invitation.expiresAt);
}
