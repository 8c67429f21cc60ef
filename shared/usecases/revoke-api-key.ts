import type { KeyCache } from '../auth/key-cache.js';
import type { ApiKeyRecord, Principal } from '../domain/api-key.js';
import { ConflictError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface RevokeApiKeyDeps {
  stores: Pick<Stores, 'apiKeys'>;
  keyCache: KeyCache;
  now: () => Date;
}

/**
 * Revokes at once on this instance; other warm instances stop accepting it within the cache
 * lifetime. The record keeps who revoked it and when (the first revocation, if repeated).
 */
export async function revokeApiKey(
  input: { keyId: string },
  actor: Principal,
  deps: RevokeApiKeyDeps,
): Promise<ApiKeyRecord> {
  // Revoking the key you are using is almost always a mistake, and can lock the last admin out.
  if (input.keyId === actor.keyId)
    throw new ConflictError('A key cannot revoke itself: revoke it with another admin key.');
  const record = await deps.stores.apiKeys.revoke(input.keyId, deps.now().toISOString(), actor.keyId);
  deps.keyCache.forget(input.keyId);
  return record;
}
