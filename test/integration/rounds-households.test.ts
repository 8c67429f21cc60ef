import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { householdCsv, liveWindow, sendHouseholds } from '../support/round-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
  await stockShelter(t, w.logistics, 'shelter-a', [{ itemId: 'blanket', quantity: 5000 }]);
});

const refs = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    ref: `${prefix}-${String(i).padStart(4, '0')}`,
    size: 1 + (i % 6),
  }));

describe('a round shared by two organisations', () => {
  it('issues 1,000 households from one CSV and refuses the 10 another organisation already serves, saying only that', {
    timeout: 180_000,
  }, async () => {
    const shared = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
      key: w.admin,
      body: {
        name: 'Shared round',
        shelterIds: ['shelter-a'],
        organizationIds: ['org-a', 'org-b'],
        ...liveWindow(14),
        rules: [{ itemId: 'blanket', amount: 1, per: 'people', people: 2, max: 3 }],
      },
    });
    expect(shared.status).toBe(201);
    await call(t.app, 'POST', `/v1/rounds/${shared.body.id}/open`, { key: w.admin });

    const list = refs(1000, 'HH-BIG');
    const servedByB = list.filter((_, i) => i % 100 === 7);
    const byB = await sendHouseholds(t, w.otherOrgCoordinator, shared.body.id, householdCsv(servedByB));
    expect(byB.body).toMatchObject({ issued: 10, refused: 0 });

    const byA = await sendHouseholds(t, w.coordinator, shared.body.id, householdCsv(list));
    expect(byA.status).toBe(200);
    expect(byA.body).toMatchObject({ issued: 990, replayed: 0, refused: 10 });
    const refused = byA.body.results.filter((r) => r.outcome === 'refused');
    expect(refused.map((r) => r.row)).toEqual(servedByB.map((_, k) => 8 + 100 * k));
    for (const row of refused) {
      expect(row.problem).toEqual({
        reason: 'already-in-round',
        field: 'beneficiaryRef',
        detail: 'This household already holds a voucher in this round.',
      });
    }
    expect(JSON.stringify(refused)).not.toContain('org-b');

    // The same list again: nothing is issued twice, org-a's rows answer with their vouchers.
    const again = await sendHouseholds(t, w.coordinator, shared.body.id, householdCsv(list));
    expect(again.body).toMatchObject({ issued: 0, replayed: 990, refused: 10 });

    expect((await auditReservations(t.table)).mismatches).toEqual([]);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
  });

  it('refuses a household on the list twice, naming the first row', async () => {
    const round = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: {
        name: 'Dup',
        shelterIds: ['shelter-a'],
        ...liveWindow(7),
        rules: [{ itemId: 'blanket', amount: 1, per: 'household' }],
      },
    });
    await call(t.app, 'POST', `/v1/rounds/${round.body.id}/open`, { key: w.coordinator });
    const answer = await sendHouseholds(
      t,
      w.coordinator,
      round.body.id,
      householdCsv([
        { ref: 'HH-DUP-1', size: 2 },
        { ref: 'HH-DUP-2', size: 2 },
        { ref: ' HH-DUP-1', size: 3 },
      ]),
    );
    expect(answer.body.results[2]).toEqual({
      row: 3,
      outcome: 'refused',
      problem: {
        reason: 'duplicate-in-list',
        field: 'beneficiaryRef',
        detail: 'The same household is on row 1 of this list.',
      },
    });
  });
});
