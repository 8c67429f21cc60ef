import type { Principal } from '../domain/api-key.js';
import type { Item } from '../domain/item.js';
import { type ShelterView, shelterView } from '../domain/shelter.js';
import type { Transfer } from '../domain/transfer.js';
import { qrSvg } from '../domain/voucher-qr.js';
import { waybillUrl } from '../rules/waybill.js';
import type { Stores } from '../store/stores.js';
import { getTransfer } from './get-transfer.js';

/** What a waybill prints: the transfer, both shelters as the viewer may see them, the items, the QR. */
export interface Waybill {
  transfer: Transfer;
  from: ShelterView | undefined;
  to: ShelterView | undefined;
  catalogue: ReadonlyMap<string, Item>;
  /** What the QR code holds: the receive form of this transfer on the desk. */
  url: string;
  qr: string;
}

/**
 * A transfer's waybill, for a key that reaches either end of it. A confidential shelter's location
 * is left off as everywhere (admins excepted): the driver is told the way, not the paper.
 */
export async function getTransferWaybill(
  input: { transferId: string; origin: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'transfers' | 'shelters' | 'items'> },
): Promise<Waybill> {
  const transfer = await getTransfer({ transferId: input.transferId }, viewer, deps);
  const [shelters, catalogue] = await Promise.all([
    deps.stores.shelters.getMany([transfer.fromShelterId, transfer.toShelterId]),
    deps.stores.items.getMany(transfer.lines.map((line) => line.itemId)),
  ]);
  const view = (id: string) => {
    const shelter = shelters.get(id);
    return shelter === undefined ? undefined : shelterView(shelter, viewer);
  };
  const url = waybillUrl(input.origin, transfer.id);
  return {
    transfer,
    from: view(transfer.fromShelterId),
    to: view(transfer.toShelterId),
    catalogue,
    url,
    qr: await qrSvg(url, `QR code of the receive form of transfer ${transfer.id}`),
  };
}
