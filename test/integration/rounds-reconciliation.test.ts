import { beforeAll, describe, expect, it } from 'vitest';
import { newMovementId } from '../../shared/domain/movement.js';
import type { Reconciliation } from '../../shared/domain/round-report.js';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';
import { createLogger } from '../../shared/logging/logger.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { createOpenRound, householdCsv, sendHouseholds } from '../support/round-fixtures.js';
import { queryPartition } from '../support/table-reads.js';
import { appWith, createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
  await stockShelter(t, w.logistics, 'shelter-a', [
    { itemId: 'rice', quantity: 20_000 },
    { itemId: 'blanket', quantity: 2_000 },
  ]);
});

/** Runs `work` over `items`, 8 at a time (as several pickup points would). */
async function eachBounded<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
    }),
  );
}

describe('reconciliation of a round', () => {
  it('agrees with the ledger after 600 redemptions, 50 voids and 100 expiries', {
    timeout: 300_000,
  }, async () => {
    const round = await createOpenRound(t, w.coordinator, {
      rules: [
        { itemId: 'rice', amount: 0.5, per: 'person-day' },
        { itemId: 'blanket', amount: 1, per: 'people', people: 2, max: 3 },
      ],
    });
    const households = Array.from({ length: 750 }, (_, i) => ({ ref: `HH-REC-${i}`, size: 1 + (i % 5) }));
    const issued = await sendHouseholds(t, w.coordinator, round.id, householdCsv(households));
    expect(issued.body.issued).toBe(750);
    const vouchers = issued.body.results.map((r) => r.voucher as { id: string; code: string });

    // Redemptions and voids as fixtures, through the voucher store's own transactions (the ones
    // POST /v1/redemptions and /void commit), so the test stays fast on a busy machine.
    const stored = new Map(
      (await t.deps.stores.rounds.vouchersOf(await t.deps.stores.rounds.allClaims(round.id))).map((v) => [
        v.id,
        v,
      ]),
    );
    const issuedOf = (id: string) => stored.get(id) as IssuedVoucher;
    await eachBounded(vouchers.slice(0, 600), async ({ id }) => {
      const voucher = issuedOf(id);
      const at = new Date().toISOString();
      await t.deps.stores.vouchers.redeem(
        { ...voucher, status: 'redeemed', redeemedAt: at, redeemedBy: 'fixture', pickupPointId: 'pp-a1' },
        {
          id: newMovementId(at),
          shelterId: voucher.shelterId,
          type: 'distribution',
          voucherId: voucher.id,
          pickupPointId: 'pp-a1',
          lines: voucher.lines.map((line) => ({ itemId: line.itemId, quantity: -line.quantity })),
          actorKeyId: 'fixture',
          orgId: 'org-a',
          at,
        },
        { response: undefined },
      );
    });
    await eachBounded(vouchers.slice(600, 650), async ({ id }) => {
      const at = new Date().toISOString();
      await t.deps.stores.vouchers.void(
        { ...issuedOf(id), status: 'void', voidedAt: at, voidedBy: 'fixture' },
        { response: undefined },
      );
    });
    // The round's end passes: the sweeper expires the 100 left.
    const later = new Date(Date.now() + 15 * 86_400_000);
    const afterRound = await createTestApp({ table: t.table, deps: { now: () => later } });
    const swept = await sweepExpiredVouchers({}, undefined, {
      ...afterRound.deps,
      logger: createLogger('silent', () => {}),
    });
    expect(swept.expired).toBe(100);

    const report = await call<Reconciliation>(
      afterRound.app,
      'GET',
      `/v1/rounds/${round.id}/reconciliation`,
      {
        key: w.coordinator,
      },
    );
    expect(report.status).toBe(200);
    expect(report.body.agrees).toBe(true);
    const rows = new Map(report.body.rows.map((row) => [row.itemId, row]));
    expect(rows.get('rice')).toMatchObject({
      shelterId: 'shelter-a',
      households: 750,
      vouchersIssued: 750,
      vouchersRedeemed: 600,
      vouchersVoided: 50,
      vouchersExpired: 100,
      vouchersOutstanding: 0,
    });

    // What the ledger itself shows leaving shelter A for these vouchers, read from the table.
    const ids = new Set(vouchers.map((v) => v.id));
    const moves = (await queryPartition(t.table, 'SHELTER#shelter-a')).filter(
      (m) => m.type === 'distribution' && ids.has(String(m.voucherId)),
    );
    expect(moves).toHaveLength(600);
    for (const itemId of ['rice', 'blanket']) {
      const out = moves
        .flatMap((m) => m.lines as Array<{ itemId: string; quantity: number }>)
        .filter((line) => line.itemId === itemId)
        .reduce((sum, line) => Math.round((sum - line.quantity) * 1000) / 1000, 0);
      expect(rows.get(itemId)?.ledgerOut, itemId).toBe(out);
      expect(rows.get(itemId)?.quantityRedeemed, itemId).toBe(out);
    }
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);

    const csv = await call(afterRound.app, 'GET', `/v1/rounds/${round.id}/reconciliation?format=csv`, {
      key: w.coordinator,
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, hxl, first] = csv.text.split('\r\n');
    expect(header).toContain('date,organisation,shelter,item,households');
    expect(hxl).toBe(
      '#date +occurred,#org +impl,#loc +code,#item +code,#reached +hh,#output +num +vouchers +issued,#output +num +vouchers +redeemed,#output +num +vouchers +voided,#output +num +vouchers +expired,#output +num +vouchers +outstanding,#output +num +vouchers +offline,#output +num +conflicts,#output +num +qty +issued,#output +num +qty +redeemed,#output +num +qty +ledger,#meta +agrees,#modality,#contact +name +redeemed,#contact +name +close_requested,#contact +name +close_confirmed',
    );
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2},org-a,shelter-a,blanket,\d+,\d+,/);
  });
});
