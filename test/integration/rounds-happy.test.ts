import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import {
  addRoundItems,
  createOpenRound,
  exampleRules,
  householdCsv,
  liveWindow,
  sendHouseholds,
} from '../support/round-fixtures.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;

beforeAll(async () => {
  ({ t, world: w } = await appWith(async (app) => {
    const world = await buildVoucherWorld(app);
    await addRoundItems(app, world.admin);
    return world;
  }));
});

describe('a round from rules to reconciliation', () => {
  it('creates a draft whose rules can change while draft, raising rulesVersion', async () => {
    const created = await call(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: { name: 'Draft round', shelterIds: ['shelter-a'], ...liveWindow(14), rules: exampleRules },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', rulesVersion: 1, orgIds: ['org-a'] });
    expect(created.headers.get('location')).toBe(`/v1/rounds/${created.body.id}`);

    const patched = await call(t.app, 'PATCH', `/v1/rounds/${created.body.id}`, {
      key: w.coordinator,
      body: { rules: exampleRules.slice(0, 2) },
    });
    expect(patched.body).toMatchObject({ rulesVersion: 2, status: 'draft' });
    const renamed = await call(t.app, 'PATCH', `/v1/rounds/${created.body.id}`, {
      key: w.coordinator,
      body: { name: 'Renamed' },
    });
    expect(renamed.body).toMatchObject({ rulesVersion: 2, name: 'Renamed' });

    const listed = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/rounds?status=draft', {
      key: w.coordinator,
    });
    expect(listed.body.items.map((r) => r.id)).toContain(created.body.id);
    const none = await call<{ items: unknown[] }>(t.app, 'GET', '/v1/rounds?status=closed', {
      key: w.coordinator,
    });
    expect(none.body.items).toEqual([]);
  });

  it('issues a household list computed from the rules, each voucher recording the rules version', async () => {
    await stockShelter(t, w.logistics, 'shelter-a', [
      { itemId: 'mosquito-net', quantity: 100 },
      { itemId: 'sleeping-mat', quantity: 100 },
      { itemId: 'soap', quantity: 100 },
    ]);
    const round = await createOpenRound(t, w.coordinator, {});
    const answer = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'HH-HAPPY-1', size: 3, language: 'vi' },
        { ref: 'HH-HAPPY-2', size: 1 },
      ]),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ issued: 2, refused: 0, replayed: 0 });
    expect(answer.body.results[0]?.voucher?.lines).toEqual([
      { itemId: 'rice', quantity: 16.8 },
      { itemId: 'water', quantity: 630 },
      { itemId: 'mosquito-net', quantity: 2 },
      { itemId: 'sleeping-mat', quantity: 3 },
      { itemId: 'soap', quantity: 3 },
    ]);
    const voucher = await call(t.app, 'GET', `/v1/vouchers/${answer.body.results[0]?.voucher?.id}`, {
      key: w.coordinator,
    });
    // The row's slip language is kept on the voucher (a language code, nothing personal).
    expect(voucher.body).toMatchObject({
      roundId: round.id,
      rulesVersion: 1,
      householdSize: 3,
      language: 'vi',
    });
    expect(answer.body.results[0]?.voucher?.language).toBe('vi');
    expect(answer.body.results[1]?.voucher).not.toHaveProperty('language');

    // The same list again issues nothing twice: each row answers with the voucher it holds.
    const again = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'HH-HAPPY-1', size: 3 },
        { ref: 'HH-HAPPY-2', size: 1 },
      ]),
    );
    expect(again.body).toMatchObject({ issued: 0, replayed: 2, refused: 0 });
    expect(again.body.results.map((r) => r.voucher?.id)).toEqual(
      answer.body.results.map((r) => r.voucher?.id),
    );
    expect(again.body.results[0]?.voucher?.language).toBe('vi');
  });

  it('takes JSON rows too, and answers "served before?" across organisations without saying more', async () => {
    const round = await createOpenRound(t, w.coordinator, { rules: [exampleRules[0]] });
    const issued = await call(t.app, 'POST', `/v1/rounds/${round.id}/households`, {
      key: w.coordinator,
      body: { households: [{ beneficiaryRef: 'HH-JSON-1', householdSize: 2 }] },
    });
    expect(issued.body).toMatchObject({ issued: 1 });
    const checked = await call(t.app, 'POST', '/v1/beneficiaries/check', {
      key: w.otherOrgCoordinator,
      body: { beneficiaryRefs: ['HH-JSON-1', 'HH-NEVER-SEEN'] },
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      results: [
        { index: 0, holdsVoucherInOpenRound: true, lastRedeemedAt: null },
        { index: 1, holdsVoucherInOpenRound: false, lastRedeemedAt: null },
      ],
    });
    expect(t.rawLogs.join('\n')).not.toContain('HH-JSON-1');
  });

  it('forecasts exactly what issuing then reserves, per shelter and item', async () => {
    const round = await createOpenRound(t, w.coordinator, { rules: exampleRules.slice(0, 2) });
    const csv = householdCsv([
      { ref: 'HH-FC-1', size: 4 },
      { ref: 'HH-FC-2', size: 2 },
      { ref: 'HH-FC-2', size: 2 },
    ]);
    const before = {
      rice: await reservedOf(t, 'shelter-a', 'rice'),
      water: await reservedOf(t, 'shelter-a', 'water'),
    };
    const forecast = await call<{
      rows: Array<{ itemId: string; needed: number; available: number; shortfall: number }>;
      households: number;
      skipped: number;
    }>(t.app, 'POST', `/v1/rounds/${round.id}/forecast`, {
      key: w.coordinator,
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(forecast.status).toBe(200);
    expect(forecast.body).toMatchObject({ households: 2, skipped: 1 });
    await sendHouseholds(t, w.coordinator, round.id, csv);
    for (const row of forecast.body.rows) {
      const after = await reservedOf(t, 'shelter-a', row.itemId);
      expect(after - before[row.itemId as 'rice' | 'water'], row.itemId).toBeCloseTo(row.needed, 6);
    }
    expect(forecast.body.rows.map((r) => [r.itemId, r.needed])).toEqual([
      ['rice', 33.6],
      ['water', 1260],
    ]);
  });
});
