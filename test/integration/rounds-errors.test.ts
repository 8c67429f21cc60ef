import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import {
  createOpenRound,
  exampleRules,
  householdCsv,
  liveWindow,
  sendHouseholds,
} from '../support/round-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
});

const roundBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Errors',
  shelterIds: ['shelter-a'],
  ...liveWindow(14),
  rules: [{ itemId: 'rice', amount: 0.4, per: 'person-day' }],
  ...overrides,
});

describe('round errors', () => {
  it('names each bad rule by field, as problem+json', async () => {
    const result = await call(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: roundBody({
        rules: [
          { itemId: 'mosquito-net', amount: 1, per: 'people' },
          { itemId: 'rice', amount: 0, per: 'person-day' },
        ],
      }),
    });
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    expect((result.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.rules.0.people',
      'body.rules.1.amount',
    ]);
  });

  it('refuses rules for items not in the catalogue and fractional bounds on pieces', async () => {
    const result = await call(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: roundBody({
        rules: [exampleRules[2], { itemId: 'blanket', amount: 1, per: 'person', max: 2.5 }],
      }),
    });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      { field: 'body.rules.0.itemId', message: 'no item "mosquito-net" in the catalogue' },
      { field: 'body.rules.1.max', message: 'blanket is counted in pieces: use a whole number' },
    ]);
  });

  it('keeps a coordinator to its own organisation and shelters', async () => {
    const shared = await call(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: roundBody({ organizationIds: ['org-a', 'org-b'] }),
    });
    expect(shared.status).toBe(403);
    const outOfScope = await call(t.app, 'POST', '/v1/rounds', {
      key: w.coordinatorA,
      body: roundBody({ shelterIds: ['shelter-b'] }),
    });
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.errors).toEqual([
      { field: 'body.shelterIds.0', message: 'this key may not act on shelter "shelter-b"' },
    ]);
    const round = await createOpenRound(t, w.coordinator, { rules: roundBody().rules });
    const foreign = await call(t.app, 'GET', `/v1/rounds/${round.id}`, { key: w.otherOrgCoordinator });
    expect(foreign.status).toBe(404);
  });

  it('changes rules only while draft', async () => {
    const round = await createOpenRound(t, w.coordinator, { rules: roundBody().rules });
    const patched = await call(t.app, 'PATCH', `/v1/rounds/${round.id}`, {
      key: w.coordinator,
      body: { rules: [{ itemId: 'water', amount: 15, per: 'person-day' }] },
    });
    expect(patched.status).toBe(409);
    expect(isProblem(patched)).toBe(true);
  });

  it('refuses a list in another media type, a CSV with unknown columns, and bad rows one by one', async () => {
    const round = await createOpenRound(t, w.coordinator, { rules: roundBody().rules });
    const plain = await call(t.app, 'POST', `/v1/rounds/${round.id}/households`, {
      key: w.coordinator,
      rawBody: 'HH-1,2',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const badHeader = await sendHouseholds(t, w.coordinator, round.id, 'beneficiaryRef,size\nHH-1,2');
    expect(badHeader.status).toBe(400);
    expect(badHeader.body).toMatchObject({
      errors: [
        { field: 'body.header', message: 'unknown column "size"' },
        { field: 'body.header', message: 'missing column "householdSize"' },
      ],
    });
    const rows = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'HH-ROW-1', size: 0 },
        { ref: 'HH-ROW-2', size: 2, shelterId: 'shelter-b' },
        { ref: 'HH-ROW-3', size: 2, language: 'fr' },
        { ref: 'HH-ROW-4', size: 2 },
      ]),
    );
    expect(rows.body.results.map((r) => [r.row, r.outcome, r.problem?.field])).toEqual([
      [1, 'refused', 'householdSize'],
      [2, 'refused', 'shelterId'],
      [3, 'refused', 'language'],
      [4, 'issued', undefined],
    ]);
    const unknownField = await call<{ results: Array<{ problem?: { field?: string } }> }>(
      t.app,
      'POST',
      `/v1/rounds/${round.id}/households`,
      {
        key: w.coordinator,
        body: { households: [{ beneficiaryRef: 'HH-ROW-5', householdSize: 1, extra: 1 }] },
      },
    );
    expect(unknownField.body.results[0]?.problem?.field).toBe('extra');
  });

  it('refuses rows stock cannot cover, naming the short items, and never reserves beyond available', async () => {
    // Shelter A holds 500 kg of rice: 5.6 kg a person over 14 days covers 89 people.
    const round = await createOpenRound(t, w.coordinator, { rules: roundBody().rules });
    const answer = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv(Array.from({ length: 20 }, (_, i) => ({ ref: `HH-SHORT-${i}`, size: 6 }))),
    );
    expect(answer.body.issued).toBeLessThan(20);
    const short = answer.body.results.find((r) => r.outcome === 'refused');
    expect(short?.problem).toMatchObject({ reason: 'insufficient-stock', shortItems: [{ itemId: 'rice' }] });
    const stock = await call<{ items: Array<{ itemId: string; available: number }> }>(
      t.app,
      'GET',
      '/v1/stock?shelterId=shelter-a&itemId=rice',
      { key: w.logistics },
    );
    expect(stock.body.items[0]?.available).toBeGreaterThanOrEqual(0);
  });

  it('refuses a household still in its waiting period after another round', async () => {
    const first = await createOpenRound(t, w.coordinator, {
      rules: [{ itemId: 'blanket', amount: 1, per: 'household' }],
    });
    await sendHouseholds(t, w.coordinator, first.id, householdCsv([{ ref: 'HH-WAIT', size: 1 }]));
    const second = await createOpenRound(t, w.coordinator, {
      rules: [{ itemId: 'blanket', amount: 1, per: 'household' }],
      minDaysSinceLastRound: 30,
    });
    const answer = await sendHouseholds(
      t,
      w.coordinator,
      second.id,
      householdCsv([{ ref: 'HH-WAIT', size: 1 }]),
    );
    expect(answer.body.results[0]?.problem).toMatchObject({
      reason: 'waiting-period',
      field: 'beneficiaryRef',
    });
  });
});
