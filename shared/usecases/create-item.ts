import type { Actor } from '../domain/attribution.js';
import { type CreateItemInput, type Item, unitIsCountable } from '../domain/item.js';
import { checkPackSizes } from '../domain/pack-size.js';
import { ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export interface CreateItemDeps {
  stores: Pick<Stores, 'items'>;
  now: () => Date;
}

/**
 * Adds an item to the catalogue, recording who added it and when. Its barcodes are claimed for it
 * in the same write: one another item holds is refused (409) and nothing is added.
 */
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
  const errors = checkPackSizes(input.packSizes ?? [], {
    name: input.unit,
    countable: unitIsCountable(input.unit),
  });
  if (errors.length > 0) throw new ValidationError('Some pack sizes do not fit the item’s unit.', errors);
  const item: Item = { ...input, createdAt: deps.now().toISOString(), createdBy: actor.keyId };
  await deps.stores.items.create(item);
  return item;
}
