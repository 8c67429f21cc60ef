import type { KeyCache } from '../auth/key-cache.js';
import type { ApiKeyRecord, Principal } from '../domain/api-key.js';
import { ConflictError } from '../errors/app-errors.js';
import type { ApiKeyStore } from '../store/api-key-store.js';

export interface RevokeApiKeyDeps {
  apiKeys: Pick<ApiKeyStore, 'revoke'>;
  keyCache: KeyCache;
  now: () => Date;
}

/** Revokes at once on this instance; other warm instances stop accepting it within the cache lifetime. */
export async function revokeApiKey(
  keyId: string,
  actor: Principal,
  deps: RevokeApiKeyDeps,
): Promise<ApiKeyRecord> {
  // Revoking the key you are using is almost always a mistake, and can lock the last admin out.
  if (keyId === actor.keyId)
    throw new ConflictError('A key cannot revoke itself: revoke it with another admin key.');
  const record = await deps.apiKeys.revoke(keyId, deps.now().toISOString(), actor.keyId);
  deps.keyCache.forget(keyId);
  return record;
}
