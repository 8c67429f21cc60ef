import { issueSecret } from '../auth/api-key-secret.js';
import type { ApiKeyRecord, KeyScope, Principal, Role } from '../domain/api-key.js';
import { ValidationError } from '../errors/app-errors.js';
import type { ApiKeyStore } from '../store/api-key-store.js';
import type { OrganizationStore } from '../store/organization-store.js';

export interface CreateApiKeyInput {
  role: Role;
  orgId: string;
  scope: KeyScope;
  label: string;
}

export interface CreateApiKeyDeps {
  apiKeys: Pick<ApiKeyStore, 'create'>;
  organizations: Pick<OrganizationStore, 'get'>;
  now: () => Date;
}

export interface CreatedApiKey {
  record: ApiKeyRecord;
  /** The full secret key: shown once, never stored. */
  apiKey: string;
}

/** Issues a key for an existing organisation. `createdBy` is the admin key id, or a bootstrap tag. */
export async function createApiKey(
  input: CreateApiKeyInput,
  actor: Pick<Principal, 'keyId'> | { keyId: string },
  deps: CreateApiKeyDeps,
): Promise<CreatedApiKey> {
  const org = await deps.organizations.get(input.orgId);
  if (org === undefined) {
    throw new ValidationError('The organisation does not exist.', [
      { field: 'orgId', message: `no organisation "${input.orgId}"` },
    ]);
  }
  const { keyId, apiKey, secretHash } = issueSecret();
  const record: ApiKeyRecord = {
    id: keyId,
    secretHash,
    role: input.role,
    orgId: input.orgId,
    scope: input.scope,
    label: input.label,
    createdAt: deps.now().toISOString(),
    createdBy: actor.keyId,
  };
  await deps.apiKeys.create(record);
  return { record, apiKey };
}
