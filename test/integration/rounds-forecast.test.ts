import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { addRoundItems, householdCsv, liveWindow, sendHouseholds } from '../support/round-fixtures.js';
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
  // Five mats on the shelf: a mat a person covers five people, no more.
  await stockShelter(t, w.logistics, 'shelter-a', [{ itemId: 'sleeping-mat', quantity: 5 }]);
});

interface Forecast {
  households: number;
  skipped: number;
  alreadyIssued: number;
  coversEveryHousehold: boolean;
  householdsCovered: number;
  refusals: Array<{ row: number; reason: string; field?: string; detail: string }>;
  rows: Array<{ itemId: string; needed: number; available: number; shortfall: number }>;
}

/** A draft round of mats (one a person), shared with org-b so that another organisation can claim a household. */
async function matsRound(name: string, shelterId = 'shelter-a'): Promise<string> {
  const created = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
    key: w.admin,
    body: {
      name,
      shelterIds: [shelterId],
      organizationIds: ['org-a', 'org-b'],
      ...liveWindow(14),
      rules: [{ itemId: 'sleeping-mat', amount: 1, per: 'person' }],
    },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const forecast = (roundId: string, csv: string, key = w.coordinator) =>
  call<Forecast>(t.app, 'POST', `/v1/rounds/${roundId}/forecast`, {
    key,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });

describe('the forecast answers whether stock covers every household, before a round is opened', () => {
  it('says the stock covers a list that needs no more than is available, while the round is a draft', async () => {
    const roundId = await matsRound('Covered');
    const answer = await forecast(
      roundId,
      householdCsv([
        { ref: 'HH-COVER-1', size: 2 },
        { ref: 'HH-COVER-2', size: 3 },
      ]),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      households: 2,
      coversEveryHousehold: true,
      householdsCovered: 2,
      refusals: [],
    });
    expect(answer.body.rows).toMatchObject([
      { itemId: 'sleeping-mat', needed: 5, available: 5, shortfall: 0 },
    ]);
  });

  it('says it does not when one mat is short, and issuing that list then refuses a household for lack of stock', async () => {
    const roundId = await matsRound('Short by one');
    const csv = householdCsv([
      { ref: 'HH-SHORT-1', size: 2 },
      { ref: 'HH-SHORT-2', size: 2 },
      { ref: 'HH-SHORT-3', size: 2 },
    ]);
    const answer = await forecast(roundId, csv);
    expect(answer.body).toMatchObject({ households: 3, coversEveryHousehold: false, householdsCovered: 2 });
    expect(answer.body.rows).toMatchObject([{ needed: 6, available: 5, shortfall: 1 }]);

    await call(t.app, 'POST', `/v1/rounds/${roundId}/open`, { key: w.admin });
    const issued = await sendHouseholds(t, w.coordinator, roundId, csv);
    expect(issued.body).toMatchObject({ issued: 2, refused: 1 });
    expect(issued.body.results.find((r) => r.outcome === 'refused')?.problem?.reason).toBe(
      'insufficient-stock',
    );
  });

  it('counts the households the stock covers in list order, a smaller household after a refused one included', async () => {
    // Shelter B's own five mats: 3 + 3 does not fit, 3 + 2 does; a household of 6 fits nowhere.
    await stockShelter(t, w.logistics, 'shelter-b', [{ itemId: 'sleeping-mat', quantity: 5 }]);
    const roundId = await matsRound('In list order', 'shelter-b');
    const answer = await forecast(
      roundId,
      householdCsv([
        { ref: 'HH-ORDER-1', size: 3 },
        { ref: 'HH-ORDER-2', size: 3 },
        { ref: 'HH-ORDER-3', size: 2 },
        { ref: 'HH-ORDER-4', size: 6 },
      ]),
    );
    expect(answer.body).toMatchObject({ households: 4, coversEveryHousehold: false, householdsCovered: 2 });
    const none = await forecast(roundId, householdCsv([{ ref: 'HH-ORDER-5', size: 6 }]));
    expect(none.body).toMatchObject({ households: 1, householdsCovered: 0 });
  });

  it('names every row the issue would refuse, with its reason, and counts the households that already hold our voucher', async () => {
    const roundId = await matsRound('Refusals');
    await call(t.app, 'POST', `/v1/rounds/${roundId}/open`, { key: w.admin });
    // Mats back on the shelf for this test's own households.
    await stockShelter(t, w.logistics, 'shelter-a', [{ itemId: 'sleeping-mat', quantity: 10 }]);
    await sendHouseholds(t, w.coordinator, roundId, householdCsv([{ ref: 'HH-OURS', size: 1 }]));
    await sendHouseholds(t, w.otherOrgCoordinator, roundId, householdCsv([{ ref: 'HH-THEIRS', size: 1 }]));

    const answer = await forecast(
      roundId,
      householdCsv([
        { ref: 'HH-NEW', size: 1 },
        { ref: 'HH-ZERO', size: 0 },
        { ref: 'HH-THEIRS', size: 1 },
        { ref: 'HH-OURS', size: 1 },
        { ref: 'HH-NEW', size: 1 },
        { ref: 'HH-ELSEWHERE', size: 1, shelterId: 'shelter-b' },
      ]),
    );

    expect(answer.body).toMatchObject({ households: 1, skipped: 5, alreadyIssued: 1 });
    expect(answer.body.refusals.map(({ row, reason, field }) => ({ row, reason, field }))).toEqual([
      { row: 2, reason: 'invalid', field: 'householdSize' },
      { row: 3, reason: 'already-in-round', field: 'beneficiaryRef' },
      { row: 5, reason: 'duplicate-in-list', field: 'beneficiaryRef' },
      { row: 6, reason: 'invalid', field: 'shelterId' },
    ]);
    expect(answer.body.refusals[2]?.detail).toBe('The same household is on row 1 of this list.');
    // Neither references nor the other organisation are named.
    expect(answer.text).not.toMatch(/HH-|org-b/);
  });

  it('refuses an empty list as the issue does, so that a page asking it first never opens a round for nothing', async () => {
    const roundId = await matsRound('Empty');
    const answer = await forecast(roundId, 'beneficiaryRef,householdSize,shelterId,language\r\n');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [{ field: 'body', message: 'send at least one household after the header row' }],
    });
    const round = await call<{ status: string }>(t.app, 'GET', `/v1/rounds/${roundId}`, {
      key: w.coordinator,
    });
    expect(round.body.status).toBe('draft');
  });
});
