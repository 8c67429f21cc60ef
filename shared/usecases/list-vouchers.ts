import type { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { slugSchema } from '../domain/slug.js';
import { boundInstant, timeBoundSchema } from '../domain/time-bound.js';
import { type VoucherView, voucherStatusSchema } from '../domain/voucher.js';
import type { Page } from '../store/pagination.js';
import { assertShelterInScope } from './stock-context.js';
import { type VoucherDeps, voucherView } from './voucher-context.js';

export const voucherQuerySchema = pageQuerySchema
  .extend({
    status: voucherStatusSchema.optional(),
    shelterId: slugSchema.optional(),
    // Across shelters and organisations' days, so a plain date is a UTC day.
    issuedFrom: timeBoundSchema(
      'Issued at or after, inclusive. A date (YYYY-MM-DD) means from 00:00 UTC that day; or send a date-time with offset.',
    ).optional(),
    issuedTo: timeBoundSchema(
      'Issued at or before, inclusive. A date (YYYY-MM-DD) means through the end of that day (23:59:59.999) UTC; or send a date-time with offset.',
    ).optional(),
  })
  .strict();
export type VoucherQuery = z.infer<typeof voucherQuerySchema>;

/** A coordinator's own organisation's vouchers only, at the shelters of its scope, newest first. */
export async function listVouchers(
  input: VoucherQuery,
  viewer: Principal,
  deps: VoucherDeps,
): Promise<Page<VoucherView>> {
  const { limit, cursor, issuedFrom, issuedTo, ...filter } = input;
  if (filter.shelterId !== undefined) assertShelterInScope(viewer, filter.shelterId);
  const now = deps.now();
  const scoped = viewer.scope.shelterIds === '*' ? {} : { shelterIds: viewer.scope.shelterIds };
  const page = await deps.stores.vouchers.listByOrg(
    viewer.orgId,
    {
      ...filter,
      ...scoped,
      issuedFrom: issuedFrom === undefined ? undefined : boundInstant(issuedFrom, 'start', 0).toISOString(),
      // The last day counts whole: up to its last millisecond.
      issuedTo: issuedTo === undefined ? undefined : boundInstant(issuedTo, 'end', 0).toISOString(),
    },
    now,
    limit,
    cursor,
  );
  // One batch read for the page's beneficiary records, not one read per voucher.
  const beneficiaries = await deps.stores.beneficiaries.ofMany(page.items, now);
  const items = page.items.map((voucher) =>
    voucherView(voucher, beneficiaries.get(voucher.id)?.householdSize ?? null, deps.secrets.keyRing, now),
  );
  return { items, nextCursor: page.nextCursor };
}
