import type { Actor } from '../domain/attribution.js';
import { type CreateItemInput, type Item, unitIsCountable } from '../domain/item.js';
import { ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface CreateItemDeps {
  stores: Pick<Stores, 'items'>;
  now: () => Date;
}

/** Adds an item to the catalogue, recording who added it and when. */
export async function createItem(input: CreateItemInput, actor: Actor, deps: CreateItemDeps): Promise<Item> {
  const units = input.countTolerance?.units;
  // Pieces and packs are counted whole, so a count can never be off by a fraction of one.
  if (units !== undefined && unitIsCountable(input.unit) && !Number.isInteger(units)) {
    throw new ValidationError('The count tolerance does not fit the unit.', [
      {
        field: 'countTolerance.units',
        message: `${input.id} is counted in ${input.unit}s: use a whole number`,
      },
    ]);
  }
  const item: Item = { ...input, createdAt: deps.now().toISOString(), createdBy: actor.keyId };
  await deps.stores.items.create(item);
  return item;
}
