import type { KeyCache } from '../auth/key-cache.js';
import type { ApiKeyRecord, Principal } from '../domain/api-key.js';
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
  const record = await deps.apiKeys.revoke(keyId, deps.now().toISOString(), actor.keyId);
  deps.keyCache.forget(keyId);
  return record;
}
