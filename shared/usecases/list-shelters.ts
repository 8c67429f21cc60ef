import type { Principal } from '../domain/api-key.js';
import type { PageQuery } from '../domain/page-query.js';
import { type ShelterView, shelterView, shelterVisibleTo } from '../domain/shelter.js';
import type { Page } from '../store/pagination.js';
import type { ShelterReadDeps } from './get-shelter.js';

/** The shelters in the key's scope, as the viewer may see them (a page can hold fewer than `limit`). */
export async function listShelters(
  input: PageQuery,
  viewer: Principal,
  deps: ShelterReadDeps,
): Promise<Page<ShelterView>> {
  const page = await deps.stores.shelters.list(input.limit, input.cursor);
  return {
    items: page.items.filter((s) => shelterVisibleTo(s, viewer)).map((s) => shelterView(s, viewer)),
    nextCursor: page.nextCursor,
  };
}
