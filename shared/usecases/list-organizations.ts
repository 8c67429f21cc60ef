import type { Principal } from '../domain/api-key.js';
import type { Organization } from '../domain/organization.js';
import type { PageQuery } from '../domain/page-query.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';

/** The partner organisations, one page at a time (admins only, by route). */
export async function listOrganizations(
  input: PageQuery,
  _viewer: Principal,
  deps: { stores: Pick<Stores, 'organizations'> },
): Promise<Page<Organization>> {
  return deps.stores.organizations.list(input.limit, input.cursor);
}
