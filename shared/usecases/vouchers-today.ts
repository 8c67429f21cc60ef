import { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { CAMBODIA_UTC_OFFSET_MINUTES, type LocalDay, localDay } from '../domain/local-day.js';
import { slugSchema } from '../domain/slug.js';
import type { Stores } from '../store/stores.js';
import { listShelters } from './list-shelters.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export const vouchersTodayQuerySchema = z
  .object({
    shelterId: slugSchema.optional(),
    utcOffsetMinutes: z.coerce
      .number()
      .int()
      .min(-720)
      .max(840)
      .default(CAMBODIA_UTC_OFFSET_MINUTES)
      .openapi({ format: 'int32' }),
  })
  .strict();
export type VouchersTodayQuery = z.infer<typeof vouchersTodayQuerySchema>;

export interface VouchersTodayReport {
  day: string;
  from: string;
  to: string;
  utcOffsetMinutes: number;
  /** Whose vouchers `issued` counts: the caller's organisation only. */
  orgId: string;
  shelters: Array<{ shelterId: string; issued: number; redeemed: number }>;
}

export type VouchersTodayDeps = {
  stores: Pick<Stores, 'shelters' | 'movements' | 'vouchers'>;
  now: () => Date;
};

const PAGE = 500;

/** Every shelter the key can see (paged reads; the shelter list is small next to any voucher list). */
async function sheltersInScope(viewer: Principal, deps: VouchersTodayDeps): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listShelters({ limit: 200, cursor }, viewer, deps);
    ids.push(...page.items.map((shelter) => shelter.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}

/** Redemptions are the ledger's distribution entries: a ULID key range, no voucher read at all. */
async function countRedeemed(shelterId: string, day: LocalDay, deps: VouchersTodayDeps): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.stores.movements.list({
      shelterId,
      from: day.from,
      to: day.to,
      order: 'asc',
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    count += page.items.filter((movement) => movement.type === 'distribution').length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return count;
}

/** Vouchers are listed per organisation (by issue time), so only the caller's own can be counted. */
async function countIssued(
  orgId: string,
  day: LocalDay,
  shelterIds: ReadonlySet<string>,
  deps: VouchersTodayDeps,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await deps.stores.vouchers.listByOrg(
      orgId,
      { issuedFrom: day.from.toISOString(), issuedTo: day.to.toISOString() },
      deps.now(),
      PAGE,
      cursor,
    );
    for (const voucher of page.items) {
      if (shelterIds.has(voucher.shelterId))
        counts.set(voucher.shelterId, (counts.get(voucher.shelterId) ?? 0) + 1);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return counts;
}

/**
 * Vouchers issued and redeemed today, per shelter, for the logistics dashboard. Logistics keys
 * may not list vouchers (they carry household data), so this returns counts only. `redeemed`
 * counts every distribution at the shelter whichever organisation issued the voucher; `issued`
 * counts the caller's organisation's vouchers.
 */
export async function vouchersToday(
  input: VouchersTodayQuery,
  viewer: Principal,
  deps: VouchersTodayDeps,
): Promise<VouchersTodayReport> {
  let shelterIds: string[];
  if (input.shelterId === undefined) {
    shelterIds = await sheltersInScope(viewer, deps);
  } else {
    assertShelterInScope(viewer, input.shelterId);
    await loadShelter(deps.stores.shelters, input.shelterId);
    shelterIds = [input.shelterId];
  }
  const day = localDay(deps.now(), input.utcOffsetMinutes);
  const [redeemed, issued] = await Promise.all([
    Promise.all(shelterIds.map((id) => countRedeemed(id, day, deps))),
    countIssued(viewer.orgId, day, new Set(shelterIds), deps),
  ]);
  return {
    day: day.day,
    from: day.from.toISOString(),
    to: day.to.toISOString(),
    utcOffsetMinutes: input.utcOffsetMinutes,
    orgId: viewer.orgId,
    shelters: shelterIds.map((shelterId, i) => ({
      shelterId,
      issued: issued.get(shelterId) ?? 0,
      redeemed: redeemed[i] ?? 0,
    })),
  };
}
