import type { Actor } from '../domain/attribution.js';
import type { CreateOrganizationInput, Organization } from '../domain/organization.js';
import type { Stores } from '../store/stores.js';

export interface CreateOrganizationDeps {
  stores: Pick<Stores, 'organizations'>;
  now: () => Date;
}

/** Registers a partner organisation, recording who registered it and when. */
export async function createOrganization(
  input: CreateOrganizationInput,
  actor: Actor,
  deps: CreateOrganizationDeps,
): Promise<Organization> {
  const org: Organization = { ...input, createdAt: deps.now().toISOString(), createdBy: actor.keyId };
  await deps.stores.organizations.create(org);
  return org;
}
