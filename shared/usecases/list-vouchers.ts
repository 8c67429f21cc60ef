import type { Principal } from '../domain/api-key.js';
import type { VoucherView } from '../domain/voucher.js';
import type { VoucherListFilter } from '../store/voucher-store.js';
import { assertShelterInScope } from './stock-context.js';
import { type VoucherDeps, voucherView } from './voucher-context.js';

/** A coordinator's own organisation's vouchers only, at the shelters of its scope, newest first. */
export async function listVouchers(
  filter: VoucherListFilter & { limit: number; cursor?: string | undefined },
  viewer: Principal,
  deps: VoucherDeps,
): Promise<{ items: VoucherView[]; nextCursor: string | null }> {
  if (filter.shelterId !== undefined) assertShelterInScope(viewer, filter.shelterId);
  const now = deps.now();
  const scoped = viewer.scope.shelterIds === '*' ? {} : { shelterIds: viewer.scope.shelterIds };
  const page = await deps.stores.vouchers.listByOrg(
    viewer.orgId,
    { ...filter, ...scoped },
    now,
    filter.limit,
    filter.cursor,
  );
  // One batch read for the page's beneficiary records, not one read per voucher.
  const beneficiaries = await deps.stores.vouchers.beneficiaries(
    page.items.map((voucher) => voucher.id),
    now,
  );
  const items = page.items.map((voucher) =>
    voucherView(voucher, beneficiaries.get(voucher.id)?.householdSize ?? null, deps.secrets.keyRing, now),
  );
  return { items, nextCursor: page.nextCursor };
}
