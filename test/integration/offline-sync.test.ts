import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { realSendOf } from '../support/dynamo-faults.js';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('offline sync', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let desks: string[];
  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
    desks = await Promise.all(
      [1, 2].map(() =>
        t.createKey('volunteer', 'org-a', { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] }),
      ),
    );
  });

  async function onHand(itemId: string): Promise<number> {
    const stock = await call<{ items: Array<{ itemId: string; onHand: number }> }>(
      t.app,
      'GET',
      '/v1/stock?shelterId=shelter-a',
      { key: world.logistics },
    );
    return stock.body.items.find((b) => b.itemId === itemId)?.onHand ?? 0;
  }

  /** Each test's devices split the shelter alone: the earlier tests' phones are revoked. */
  async function retireDevices() {
    const listed = await call<{ items: Array<{ id: string; status: string }> }>(
      t.app,
      'GET',
      '/v1/devices?shelterId=shelter-a&limit=200',
      { key: world.admin },
    );
    for (const device of listed.body.items.filter((d) => d.status !== 'revoked'))
      await call(t.app, 'POST', `/v1/devices/${device.id}/revoke`, { key: world.admin, body: {} });
  }

  async function expectBooksBalance() {
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);
  }

  it('under "detect" both desks hold a voucher; two handovers sync as one redemption and one conflict, which a logistics lead resolves', async () => {
    await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'detect' },
    });
    const voucher = await issue(t, world.coordinatorA);
    const one = await registerDevice(t, desks[0] as string, 'pp-a1', 'Desk 1');
    const two = await registerDevice(t, desks[1] as string, 'pp-a1', 'Desk 2');
    const [packOne, packTwo] = await Promise.all([takePack(t, one), takePack(t, two)]);
    expect(packOne.offlineMode).toBe('detect');
    for (const pack of [packOne, packTwo]) expect(pack.vouchers.map((v) => v.id)).toContain(voucher.id);
    const riceBefore = await onHand('rice');

    const first = await sync(t, one, [offlineRecord(one, voucher)]);
    const second = await sync(t, two, [offlineRecord(two, voucher)]);
    expect(first.body.results[0]?.outcome).toBe('redeemed');
    expect(second.body.results[0]).toMatchObject({ outcome: 'conflict', reason: 'already-redeemed' });
    expect(await onHand('rice')).toBe(riceBefore - 5);

    const listed = await call<{ items: Array<{ id: string }> }>(
      t.app,
      'GET',
      '/v1/conflicts?shelterId=shelter-a&status=open',
      { key: world.logistics },
    );
    const conflictId = second.body.results[0]?.conflictId ?? '';
    expect(listed.body.items.map((c) => c.id)).toContain(conflictId);
    const conflict = await call(t.app, 'GET', `/v1/conflicts/${conflictId}`, { key: world.coordinatorA });
    expect(conflict.body).toMatchObject({
      voucherId: voucher.id,
      offline: { deviceId: two.id, deviceLabel: 'Desk 2' },
      first: { pickupPointId: 'pp-a1', deviceId: one.id },
    });
    const hidden = await call(t.app, 'GET', `/v1/conflicts/${conflictId}`, {
      key: world.otherOrgCoordinator,
    });
    expect(hidden.status).toBe(404);

    const resolved = await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
      key: world.logistics,
      body: { outcome: 'goods-handed-out', note: 'Desk 2 gave a second bag; the family returned nothing' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { outcome: 'goods-handed-out' } });
    expect(await onHand('rice')).toBe(riceBefore - 10);
    const again = await call(t.app, 'POST', `/v1/conflicts/${conflictId}/resolve`, {
      key: world.logistics,
      body: { outcome: 'goods-handed-out', note: 'twice' },
    });
    expect(again.status).toBe(409);
    expect(await onHand('rice')).toBe(riceBefore - 10);
    const moves = await call<{ items: Array<{ type: string; reason?: string; conflictId?: string }> }>(
      t.app,
      'GET',
      '/v1/shelters/shelter-a/movements?order=desc&limit=5',
      { key: world.logistics },
    );
    expect(moves.body.items).toContainEqual(
      expect.objectContaining({ type: 'adjustment', reason: 'duplicate-handover', conflictId }),
    );
    await expectBooksBalance();
    await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'pools' },
    });
  });

  it('commits a record sent twice, or by two tabs at once, exactly once, reports gaps, and rejects a forged record', async () => {
    await retireDevices();
    await Promise.all([1, 2, 3].map(() => issue(t, world.coordinatorA)));
    const device = await registerDevice(t, desks[0] as string, 'pp-a1', 'Desk 3');
    const pack = await takePack(t, device);
    const vouchers = pack.vouchers.slice(0, 3);
    expect(vouchers).toHaveLength(3);
    const records = vouchers.map((v) => offlineRecord(device, v));
    device.next += 2; // two records lost on the phone: sequence 4 and 5
    const last = offlineRecord(device, vouchers[0] ?? { id: '', lines: [] });
    const forged = { ...offlineRecord(device, vouchers[1] ?? { id: '', lines: [] }), hmac: 'A'.repeat(43) };
    const riceBefore = await onHand('rice');

    const [tabA, tabB] = await Promise.all([sync(t, device, records), sync(t, device, records)]);
    expect(tabA.body.results).toEqual(tabB.body.results);
    expect(tabA.body.results.map((r) => r.outcome)).toEqual(['redeemed', 'redeemed', 'redeemed']);
    const later = await sync(t, device, [...records, last, forged]);
    expect(later.body.results.slice(0, 3)).toEqual(tabA.body.results);
    expect(later.body.results[3]).toMatchObject({ outcome: 'conflict', reason: 'already-redeemed' });
    expect(later.body.results[4]).toMatchObject({ outcome: 'rejected', reason: 'bad-signature' });
    // The forged record (sequence 7) is not stored: only 4 and 5 are missing so far.
    expect(later.body.gaps).toEqual([{ from: 4, to: 5 }]);
    expect(await onHand('rice')).toBe(riceBefore - 15);
    await expectBooksBalance();
  });

  it('a sync cut off midway commits what it committed, and the retry commits the rest once', async () => {
    await retireDevices();
    const device = await registerDevice(t, desks[1] as string, 'pp-a1', 'Desk 4');
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => issue(t, world.coordinatorA)));
    const pack = await takePack(t, device);
    const records = pack.vouchers.slice(0, 6).map((v) => offlineRecord(device, v));
    expect(records).toHaveLength(6);
    const riceBefore = await onHand('rice');

    // The connection drops after two transactions: the third commits but its answer is lost,
    // and the rest never reach the table.
    const realSend = realSendOf(t.table.doc);
    const stub = mockClient(t.table.doc);
    let transactions = 0;
    stub.send.callsFake(async (command: object) => {
      if (!(command instanceof TransactWriteCommand)) return realSend(command);
      transactions += 1;
      if (transactions <= 2) return realSend(command);
      if (transactions === 3) await realSend(command);
      throw Object.assign(new Error('socket hang up'), { name: 'Error' });
    });
    let cut: Awaited<ReturnType<typeof sync>>;
    try {
      cut = await sync(t, device, records);
    } finally {
      stub.restore();
    }
    expect(cut.status).toBe(500);
    const committed = riceBefore - (await onHand('rice'));
    expect(committed).toBeGreaterThanOrEqual(10);

    const retry = await sync(t, device, records);
    expect(retry.body.results.map((r) => r.outcome)).toEqual(records.map(() => 'redeemed'));
    expect(await onHand('rice')).toBe(riceBefore - 30);
    const replay = await sync(t, device, records);
    expect(replay.body.results).toEqual(retry.body.results);
    await expectBooksBalance();
  });
});
