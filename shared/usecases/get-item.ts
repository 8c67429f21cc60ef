import type { Principal } from '../domain/api-key.js';
import { type ItemView, itemView } from '../domain/item.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/** One catalogue item. */
export async function getItem(
  input: { itemId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'items'> },
): Promise<ItemView> {
  const item = await deps.stores.items.get(input.itemId);
  if (item === undefined) throw new NotFoundError('Item', input.itemId);
  return itemView(item, viewer);
}
