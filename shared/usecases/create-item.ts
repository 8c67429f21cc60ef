import type { Actor } from '../domain/attribution.js';
import type { CreateItemInput, Item } from '../domain/item.js';
import type { Stores } from '../store/stores.js';

export interface CreateItemDeps {
  stores: Pick<Stores, 'items'>;
  now: () => Date;
}

/** Adds an item to the catalogue, recording who added it and when. */
export async function createItem(input: CreateItemInput, actor: Actor, deps: CreateItemDeps): Promise<Item> {
  const item: Item = { ...input, createdAt: deps.now().toISOString(), createdBy: actor.keyId };
  await deps.stores.items.create(item);
  return item;
}
