import { issueSecret } from '../auth/api-key-secret.js';
import type { ApiKeyRecord, CreateApiKeyInput } from '../domain/api-key.js';
import type { Actor } from '../domain/attribution.js';
import type { Stores } from '../store/stores.js';
import { resolveKeyScope, withArticle } from './resolve-key-scope.js';

export interface CreateApiKeyDeps {
  stores: Pick<Stores, 'apiKeys' | 'organizations' | 'shelters'>;
  now: () => Date;
}

export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** The full secret key: shown once, never stored. */
  apiKey: string;
}

/**
 * Issues a key for an existing organisation. Its scope is what the admin named, never a default:
 * a key without one cannot be created (admins excepted, who reach everything). `createdBy` is the
 * admin's key id, or a bootstrap tag.
 */
export async function createApiKey(
  input: CreateApiKeyInput,
  actor: Actor,
  deps: CreateApiKeyDeps,
): Promise<CreatedApiKey> {
  const scope = await resolveKeyScope(input, withArticle(`${input.role} key`), deps);

  const { keyId, apiKey, secretHash } = issueSecret();
  const record: ApiKeyRecord = {
    id: keyId,
    secretHash,
    kind: 'machine',
    role: input.role,
    orgId: input.orgId,
    scope,
    label: input.label,
    createdAt: deps.now().toISOString(),
    createdBy: actor.keyId,
  };
  await deps.stores.apiKeys.create(record);
  return { record, apiKey };
}
