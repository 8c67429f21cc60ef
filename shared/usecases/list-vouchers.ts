import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { slugSchema } from '../domain/slug.js';
import { type VoucherView, voucherStatusSchema } from '../domain/voucher.js';
import type { Page } from '../store/pagination.js';
import { assertShelterInScope } from './stock-context.js';
import { type VoucherDeps, voucherView } from './voucher-context.js';

export const voucherQuerySchema = pageQuerySchema
  .extend({
    status: voucherStatusSchema.optional(),
    shelterId: slugSchema.optional(),
    issuedFrom: z.iso
      .date()
      .max(10)
      .optional()
      .openapi({ description: 'First issue date (UTC), YYYY-MM-DD.' }),
    issuedTo: z.iso
      .date()
      .max(10)
      .optional()
      .openapi({ description: 'Last issue date (UTC), YYYY-MM-DD, inclusive.' }),
  })
  .strict();
export type VoucherQuery = z.infer<typeof voucherQuerySchema>;

/** A coordinator's own organisation's vouchers only, at the shelters of its scope, newest first. */
export async function listVouchers(
  input: VoucherQuery,
  viewer: Principal,
  deps: VoucherDeps,
): Promise<Page<VoucherView>> {
  const { limit, cursor, issuedTo, ...filter } = input;
  if (filter.shelterId !== undefined) assertShelterInScope(viewer, filter.shelterId);
  const now = deps.now();
  const scoped = viewer.scope.shelterIds === '*' ? {} : { shelterIds: viewer.scope.shelterIds };
  const page = await deps.stores.vouchers.listByOrg(
    viewer.orgId,
    // The last day counts whole: up to its last millisecond.
    { ...filter, ...scoped, issuedTo: issuedTo === undefined ? undefined : `${issuedTo}T23:59:59.999Z` },
    now,
    limit,
    cursor,
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
