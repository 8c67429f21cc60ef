import type { Principal } from '../domain/api-key.js';
import type { Item } from '../domain/item.js';
import type { Shelter } from '../domain/shelter.js';
import type { VoucherView } from '../domain/voucher.js';
import { qrSvg, qrTitle } from '../domain/voucher-qr.js';
import { loadOwnVoucher, type VoucherDeps, voucherView } from './voucher-context.js';

/** What one printed slip shows: the voucher, its QR, where to collect and what each line is. */
export interface VoucherSlip {
  voucher: VoucherView;
  qrSvg: string;
  shelter: Shelter | undefined;
  catalogue: ReadonlyMap<string, Item>;
}

/**
 * The slips of some of the coordinator's organisation's vouchers, in the order asked. One that is
 * not the organisation's answers 404 for the whole print run, as a missing one does. Shelters
 * and items are one batch read each; no household data is on a slip.
 */
export async function getVoucherSlips(
  input: { voucherIds: readonly string[] },
  viewer: Principal,
  deps: VoucherDeps,
): Promise<VoucherSlip[]> {
  const now = deps.now();
  const vouchers = await Promise.all(input.voucherIds.map((id) => loadOwnVoucher(id, viewer, deps)));
  const views = vouchers.map((voucher) => voucherView(voucher, null, deps.secrets.keyRing, now));
  const [shelters, catalogue] = await Promise.all([
    deps.stores.shelters.getMany(views.map((v) => v.shelterId)),
    deps.stores.items.getMany(views.flatMap((v) => v.lines.map((l) => l.itemId))),
  ]);
  return Promise.all(
    views.map(async (voucher) => ({
      voucher,
      qrSvg: await qrSvg(voucher.token, qrTitle(voucher.code)),
      shelter: shelters.get(voucher.shelterId),
      catalogue,
    })),
  );
}
