import type { Principal } from '../domain/api-key.js';
import type { Organization } from '../domain/organization.js';
import type { OrganizationStore } from '../store/organization-store.js';

export interface CreateOrganizationDeps {
  organizations: Pick<OrganizationStore, 'create'>;
  now: () => Date;
}

export async function createOrganization(
  input: { id: string; name: string },
  actor: Pick<Principal, 'keyId'>,
  deps: CreateOrganizationDeps,
): Promise<Organization> {
  const org: Organization = { ...input, createdAt: deps.now().toISOString(), createdBy: actor.keyId };
  await deps.organizations.create(org);
  return org;
}
