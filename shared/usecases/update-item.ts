import type { Principal } from '../domain/api-key.js';
import {
  applyItemPatch,
  type ItemPatch,
  type ItemView,
  itemView,
  PACKAGING_FIELDS,
  unitIsCountable,
} from '../domain/item.js';
import { checkPackSizes } from '../domain/pack-size.js';
import { ForbiddenError, ValidationError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

export type UpdateItemInput = ItemPatch & { itemId: string };

/**
 * Changes a catalogue item. Admins change anything but its id, unit and category; a logistics
 * lead only what is printed on its packages (barcodes, pack sizes), met when a truck is unloaded.
 * Barcodes are a whole list: the ones gained are claimed for the item, the ones dropped given up,
 * with the item in one write (409 naming the item that holds one already).
 */
export async function updateItem(
  input: UpdateItemInput,
  actor: Principal,
  deps: { stores: Pick<Stores, 'items'>; now: () => Date },
): Promise<ItemView> {
  const { itemId, ...patch } = input;
  if (actor.role !== 'admin') {
    const refused = Object.keys(patch).filter((field) => !PACKAGING_FIELDS.has(field as keyof ItemPatch));
    if (refused.length > 0) {
      throw new ForbiddenError(
        `A ${actor.role} key may change an item’s barcodes and pack sizes only, not ${refused.join(', ')}: ask an administrator.`,
      );
    }
  }
  const change = { updatedAt: deps.now().toISOString(), updatedBy: actor.keyId };
  const updated = await deps.stores.items.update(itemId, (current) => {
    const next = applyItemPatch(current, patch, change);
    const errors = checkPackSizes(next.packSizes ?? [], {
      name: next.unit,
      countable: unitIsCountable(next.unit),
    });
    if (errors.length > 0) throw new ValidationError('Some pack sizes do not fit the item’s unit.', errors);
    return next;
  });
  return itemView(updated, actor);
}
