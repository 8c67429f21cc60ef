import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { offlineRecord, registerDevice, sync } from '../support/offline-fixtures.js';
import { onHandOf, reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

let t: TestApp;
let w: VoucherWorld;
let volunteerB: string;
let logisticsB: string;

beforeAll(async () => {
  ({ t, world: w } = await appWith(buildVoucherWorld));
  volunteerB = await t.createKey('volunteer', 'org-a', { pickupPointIds: ['pp-b1'] });
  logisticsB = await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-b'] });
  await stockShelter(t, w.logistics, 'shelter-b', [
    { itemId: 'rice', quantity: 50 },
    { itemId: 'water', quantity: 300 },
    { itemId: 'blanket', quantity: 10 },
  ]);
});

describe('an offline handover of another shelter’s voucher', () => {
  it('is a conflict of the shelter where the goods left: its logistics lead sees and resolves it, and only that shelter’s stock moves', async () => {
    // A voucher of shelter A (rice 5, water 30, blanket 1), handed over by a phone at shelter B.
    const voucher = await issue(t, w.coordinatorA);
    const phone = await registerDevice(t, volunteerB, 'pp-b1', 'Yard desk');
    const before = {
      aRice: await onHandOf(t, 'shelter-a', 'rice'),
      aReserved: await reservedOf(t, 'shelter-a', 'rice'),
      bRice: await onHandOf(t, 'shelter-b', 'rice'),
    };

    const synced = await sync(t, phone, [offlineRecord(phone, voucher)]);
    expect(synced.body.results[0]).toMatchObject({ outcome: 'conflict', reason: 'wrong-shelter' });
    const conflictId = synced.body.results[0]?.conflictId ?? '';

    // Shelter B's logistics lead finds it in B's list and may read it ...
    const listed = await call<{ items: Array<{ id: string }> }>(
      t.app,
      'GET',
      '/v1/conflicts?shelterId=shelter-b&status=open',
      { key: logisticsB },
    );
    expect(listed.body.items.map((c) => c.id)).toContain(conflictId);
    const read = await call(t.app, 'GET', `/v1/conflicts/${conflictId}`, { key: logisticsB });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      shelterId: 'shelter-b',
      voucherShelterId: 'shelter-a',
      offline: { pickupPointId: 'pp-b1' },
    });
    // ... shelter A's, whose stock it is not about, does not see it.
    const listedAtA = await call<{ items: Array<{ id: string }> }>(
      t.app,
      'GET',
      '/v1/conflicts?shelterId=shelter-a',
      { key: w.logisticsA },
    );
    expect(listedAtA.body.items.map((c) => c.id)).not.toContain(conflictId);
    const hidden = await call(t.app, 'GET', `/v1/conflicts/${conflictId}`, { key: w.logisticsA });
    expect(hidden.status).toBe(404);

    // The goods left shelter B: resolving moves B's stock, and A's stays as it was.
    const resolved = await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
      key: logisticsB,
      body: { outcome: 'goods-handed-out', note: 'the yard desk served a family from shelter A' },
    });
    expect(resolved.status).toBe(200);
    expect(await onHandOf(t, 'shelter-b', 'rice')).toBe(before.bRice - 5);
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(before.aRice);
    expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(before.aReserved);
    const moves = await call<{ items: Array<{ type: string; reason?: string; conflictId?: string }> }>(
      t.app,
      'GET',
      '/v1/shelters/shelter-b/movements?order=desc&limit=5',
      { key: logisticsB },
    );
    expect(moves.body.items).toContainEqual(
      expect.objectContaining({ type: 'adjustment', reason: 'duplicate-handover', conflictId }),
    );
    const stillIssued = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}`, { key: w.coordinatorA });
    expect(stillIssued.body.status).toBe('issued');
    expect((await auditLedger(t.table, ['shelter-a', 'shelter-b'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);
  });
});
