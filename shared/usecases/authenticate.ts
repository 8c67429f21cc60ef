import { parseApiKey, secretMatches } from '../auth/api-key-secret.js';
import type { KeyCache } from '../auth/key-cache.js';
import type { Principal } from '../domain/api-key.js';
import { UnauthenticatedError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface AuthenticateDeps {
  stores: Pick<Stores, 'apiKeys'>;
  keyCache: KeyCache;
}

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
  if (record === undefined) {
    record = await deps.stores.apiKeys.get(parsed.keyId);
    if (record !== undefined) deps.keyCache.set(record);
  }
  // Unknown, wrong secret and revoked all answer alike: a caller learns nothing about which.
  if (
    record === undefined ||
    !secretMatches(parsed.secret, record.secretHash) ||
    record.revokedAt !== undefined
  ) {
    throw new UnauthenticatedError('The API key is not valid.');
  }
  return { keyId: record.id, role: record.role, orgId: record.orgId, scope: record.scope };
}
