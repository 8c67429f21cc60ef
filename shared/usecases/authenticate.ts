import { parseApiKey, secretMatches } from '../auth/api-key-secret.js';
import type { KeyCache } from '../auth/key-cache.js';
import type { ApiKeyRecord, Principal } from '../domain/api-key.js';
import { StoreUnavailableError, UnauthenticatedError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface AuthenticateDeps {
  stores: Pick<Stores, 'apiKeys'>;
  keyCache: KeyCache;
  now: () => Date;
}

/** How stale a person's "last seen" may get: one write per key per 10 minutes at most. */
const SEEN_EVERY_MS = 10 * 60_000;

/**
 * Turns the credentials a request carried into a principal, or refuses with 401 for any doubt.
 * Nobody is acting yet, so there is no actor.
 */
export async function authenticate(
  input: { authorization: string | undefined },
  _actor: undefined,
  deps: AuthenticateDeps,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '');
  if (match?.[1] === undefined) throw new UnauthenticatedError();
  const parsed = parseApiKey(match[1]);
  if (parsed === undefined) throw new UnauthenticatedError('The API key is not valid.');

  let record = deps.keyCache.get(parsed.keyId);
  const cached = record !== undefined;
  if (record === undefined) record = await deps.stores.apiKeys.get(parsed.keyId);
  // Unknown, wrong secret and revoked all answer alike: a caller learns nothing about which.
  if (
    record === undefined ||
    !secretMatches(parsed.secret, record.secretHash) ||
    record.revokedAt !== undefined
  ) {
    if (record !== undefined && !cached) deps.keyCache.set(record);
    throw new UnauthenticatedError('The API key is not valid.');
  }
  if (!cached) deps.keyCache.set(await noteSeen(record, deps));
  return {
    keyId: record.id,
    ...(record.personId === undefined ? {} : { personId: record.personId }),
    role: record.role,
    orgId: record.orgId,
    scope: record.scope,
  };
}

/**
 * A person's key read from the table (not the cache) records when its person was last seen, on
 * the key and on the person, when the last note is older than 10 minutes: the admin page's "last
 * seen" without a write per request. Machine keys are not noted (their hot path stays one read).
 * Best effort: a database too busy for the note does not refuse the request.
 */
async function noteSeen(record: ApiKeyRecord, deps: AuthenticateDeps): Promise<ApiKeyRecord> {
  if (record.personId === undefined) return record;
  const now = deps.now();
  if (record.lastSeenAt !== undefined && now.getTime() - Date.parse(record.lastSeenAt) < SEEN_EVERY_MS)
    return record;
  const at = now.toISOString();
  try {
    await deps.stores.apiKeys.markSeen(record.id, record.personId, at);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    return record;
  }
  return { ...record, lastSeenAt: at };
}
