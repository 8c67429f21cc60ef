import type { Principal } from '../domain/api-key.js';
import { type ItemView, itemView } from '../domain/item.js';
import type { PageQuery } from '../domain/page-query.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';

/** The item catalogue, one page at a time: every role reads it. */
export async function listItems(
  input: PageQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'items'> },
): Promise<Page<ItemView>> {
  const page = await deps.stores.items.list(input.limit, input.cursor);
  return { items: page.items.map((item) => itemView(item, viewer)), nextCursor: page.nextCursor };
}
