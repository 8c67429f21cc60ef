import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { createOpenRound, householdCsv, liveWindow, sendHouseholds } from '../support/round-fixtures.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;
let secondCoordinator: string;

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
  secondCoordinator = await t.createKey('coordinator', 'org-a');
});

const riceOnly = { rules: [{ itemId: 'rice', amount: 1, per: 'household' }] };

describe('closing a round, four eyes', () => {
  it('records a first key’s request, refuses the same key or another organisation, and closes on a second key of the organisation', async () => {
    const reservedBefore = await reservedOf(t, 'shelter-a', 'rice');
    const round = await createOpenRound(t, w.coordinator, riceOnly);
    const issued = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'HH-CLOSE-1', size: 2 },
        { ref: 'HH-CLOSE-2', size: 2 },
        { ref: 'HH-CLOSE-3', size: 2 },
      ]),
    );
    const [first, second] = issued.body.results.map((r) => r.voucher?.code);
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: w.volunteer,
      body: { code: first, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reservedBefore + 2);

    const asked = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinator });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'open', closeRequest: { orgId: 'org-a' } });

    const sameKey = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinator });
    expect(sameKey.status).toBe(409);
    expect(isProblem(sameKey)).toBe(true);
    expect(sameKey.body.detail).toContain('a second key of org-a must confirm');

    const confirmed = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: secondCoordinator });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'closed' });

    // Outstanding vouchers are void, their reservations released; the redeemed one stays redeemed.
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reservedBefore);
    const scan = await call(t.app, 'POST', '/v1/redemptions', {
      key: w.volunteer,
      body: { code: second, pickupPointId: 'pp-a1' },
    });
    expect(scan.body.type).toBe('urn:supplyline:problem:voucher-void');

    // The report is frozen: what it said at closing, whatever happens later.
    const report = await call<{ frozen: boolean; agrees: boolean; rows: Array<Record<string, number>> }>(
      t.app,
      'GET',
      `/v1/rounds/${round.id}/reconciliation`,
      { key: w.coordinator },
    );
    expect(report.body).toMatchObject({ frozen: true, agrees: true });
    expect(report.body.rows[0]).toMatchObject({
      vouchersIssued: 3,
      vouchersRedeemed: 1,
      vouchersVoided: 2,
      vouchersOutstanding: 0,
      ledgerOut: 1,
    });

    const late = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([{ ref: 'HH-LATE', size: 1 }]),
    );
    expect(late.status).toBe(409);
    const again = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinator });
    expect(again.status).toBe(409);
  });

  it('needs the second key from the organisation that asked', async () => {
    const round = await createOpenRound(t, w.admin, { ...riceOnly, organizationIds: ['org-a', 'org-b'] });
    await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinator });
    const otherOrg = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, {
      key: w.otherOrgCoordinator,
    });
    expect(otherOrg.status).toBe(409);
    expect(otherOrg.body.detail).toContain('asked by org-a');
    const stillOpen = await call(t.app, 'GET', `/v1/rounds/${round.id}`, { key: w.coordinator });
    expect(stillOpen.body.status).toBe('open');
  });

  it('cannot close a draft', async () => {
    const draft = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: { name: 'D', shelterIds: ['shelter-a'], ...liveWindow(7), ...riceOnly },
    });
    const closed = await call(t.app, 'POST', `/v1/rounds/${draft.body.id}/close`, { key: w.coordinator });
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain('open it before closing it');
  });
});

describe('closing a round, scope', () => {
  it('refuses a coordinator whose key does not reach the round’s shelter, as asker or as second key (and as opener)', async () => {
    // A round at shelter B, with households issued: closing it would void their vouchers.
    await stockShelter(t, w.logistics, 'shelter-b', [{ itemId: 'rice', quantity: 20 }]);
    const round = await createOpenRound(t, w.coordinator, { ...riceOnly, shelterIds: ['shelter-b'] });
    const issued = await sendHouseholds(
      t,
      w.coordinator,
      round.id,
      householdCsv([
        { ref: 'HH-SCOPE-1', size: 2 },
        { ref: 'HH-SCOPE-2', size: 2 },
      ]),
    );
    expect(issued.body.issued).toBe(2);
    const reservedBefore = await reservedOf(t, 'shelter-b', 'rice');
    const voucherId = issued.body.results[0]?.voucher?.id ?? '';

    // Shelter A's coordinator cannot void one of them directly ...
    const voidOne = await call(t.app, 'POST', `/v1/vouchers/${voucherId}/void`, {
      key: w.coordinatorA,
      body: { reason: 'probe' },
    });
    expect(voidOne.status).toBe(404);

    // ... so it may neither ask for the close nor be the second key that voids them all.
    const asks = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinatorA });
    expect(asks.status).toBe(403);
    expect(isProblem(asks)).toBe(true);
    expect(asks.body.detail).toContain('shelter-b');
    const requested = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinator });
    expect(requested.body).toMatchObject({ status: 'open', closeRequest: { orgId: 'org-a' } });
    const confirms = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: w.coordinatorA });
    expect(confirms.status).toBe(403);
    expect(isProblem(confirms)).toBe(true);

    const still = await call(t.app, 'GET', `/v1/rounds/${round.id}`, { key: w.coordinator });
    expect(still.body).toMatchObject({ status: 'open', closeRequest: { orgId: 'org-a' } });
    expect(await reservedOf(t, 'shelter-b', 'rice')).toBe(reservedBefore);
    const voucher = await call(t.app, 'GET', `/v1/vouchers/${voucherId}`, { key: w.coordinator });
    expect(voucher.body.status).toBe('issued');

    // Opening or changing a round at shelter B needs shelter B too.
    const draft = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
      key: w.coordinator,
      body: { name: 'B draft', shelterIds: ['shelter-b'], ...liveWindow(7), ...riceOnly },
    });
    const opens = await call(t.app, 'POST', `/v1/rounds/${draft.body.id}/open`, { key: w.coordinatorA });
    expect(opens.status).toBe(403);
    const renames = await call(t.app, 'PATCH', `/v1/rounds/${draft.body.id}`, {
      key: w.coordinatorA,
      body: { name: 'renamed' },
    });
    expect(renames.status).toBe(403);

    // A second key that does reach shelter B closes it.
    const confirmed = await call(t.app, 'POST', `/v1/rounds/${round.id}/close`, { key: secondCoordinator });
    expect(confirmed.body).toMatchObject({ status: 'closed' });
    expect(await reservedOf(t, 'shelter-b', 'rice')).toBe(reservedBefore - 2);
  });
});
