import type { Item } from '../domain/item.js';
import type { ItemStore } from '../store/item-store.js';

export interface CreateItemDeps {
  items: Pick<ItemStore, 'create'>;
  now: () => Date;
}

export async function createItem(input: Omit<Item, 'createdAt'>, deps: CreateItemDeps): Promise<Item> {
  const item: Item = { ...input, createdAt: deps.now().toISOString() };
  await deps.items.create(item);
  return item;
}
