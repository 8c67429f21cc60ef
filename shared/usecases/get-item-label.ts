import type { Principal } from '../domain/api-key.js';
import type { Item } from '../domain/item.js';
import { qrSvg } from '../domain/voucher-qr.js';
import { NotFoundError } from '../errors/app-errors.js';
import { itemLabelPayload } from '../rules/item-label.js';
import type { Stores } from '../store/stores.js';

/** What an item label shows: the catalogue entry and the QR of its payload (`supplyline:item:<id>`). */
export async function getItemLabel(
  input: { itemId: string },
  _viewer: Principal,
  deps: { stores: Pick<Stores, 'items'> },
): Promise<{ item: Item; payload: string; qr: string }> {
  const item = await deps.stores.items.get(input.itemId);
  if (item === undefined) throw new NotFoundError('Item', input.itemId);
  const payload = itemLabelPayload(item.id);
  return { item, payload, qr: await qrSvg(payload, `QR code of the item label of ${item.name}`) };
}
