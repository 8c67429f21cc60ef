import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import {
  offlineRecord,
  registerDevice,
  sync,
  type TestDevice,
  takePack,
} from '../support/offline-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/** A clock the test moves: leases end by the server's time. */
let clock = Date.now();
const HOUR = 3_600_000;

describe('offline pools and leases', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let deskKeys: string[];
  beforeAll(async () => {
    t = await createTestApp({ deps: { now: () => new Date(clock) } });
    world = await buildVoucherWorld(t);
    deskKeys = await Promise.all(
      [1, 2, 3].map(() =>
        t.createKey('volunteer', 'org-a', { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] }),
      ),
    );
  });

  /** A fresh shelter-scoped world per test would cost seconds: each test uses its own shelter state. */
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

  it('never puts a voucher in two pools; elsewhere it is refused naming the holder, and works once handed back', async () => {
    await retireDevices();
    const vouchers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => issue(t, world.coordinatorA)));
    const one = await registerDevice(t, deskKeys[0] as string, 'pp-a1', 'Desk 1');
    const two = await registerDevice(t, deskKeys[1] as string, 'pp-a1', 'Desk 2');
    const [packOne, packTwo] = [await takePack(t, one), await takePack(t, two)];
    const first = new Set(packOne.vouchers.map((v) => v.id));
    const second = new Set(packTwo.vouchers.map((v) => v.id));
    expect([...first].filter((id) => second.has(id))).toEqual([]);
    // Refreshed again, both now know of each other: still no overlap, and every voucher is held.
    const [againOne, againTwo] = [await takePack(t, one), await takePack(t, two)];
    const heldOne = new Set(
      [...first, ...againOne.vouchers.map((v) => v.id)].filter(
        (id) => !againOne.removed.some((r) => r.id === id),
      ),
    );
    const heldTwo = new Set(
      [...second, ...againTwo.vouchers.map((v) => v.id)].filter(
        (id) => !againTwo.removed.some((r) => r.id === id),
      ),
    );
    expect([...heldOne].filter((id) => heldTwo.has(id))).toEqual([]);
    expect(heldOne.size + heldTwo.size).toBe(vouchers.length);

    const [held] = [...heldOne];
    const voucher = vouchers.find((v) => v.id === held);
    if (voucher === undefined) throw new Error('desk 1 holds nothing');
    const refused = await call(t.app, 'POST', '/v1/redemptions', {
      key: deskKeys[1] as string,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      type: 'urn:supplyline:problem:voucher-held-by-device',
      holder: { deviceId: one.id, label: 'Desk 1', pickupPointId: 'pp-a1', pickupPointName: 'Gate' },
    });
    const verify = await call(t.app, 'POST', '/v1/vouchers/verify', {
      key: deskKeys[1] as string,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(verify.status).toBe(409);

    const asked = await takePack(t, one, againOne.cursor);
    expect(asked.handBackRequested).toContain(voucher.id);
    // One it holds, and one issued since its last refresh, which it cannot hold (the even split
    // may have given desk 2 nothing of the six, so none of those is sure not to be desk 1's).
    const notHeld = await issue(t, world.coordinatorA);
    const back = await call(t.app, 'POST', `/v1/devices/${one.id}/hand-back`, {
      key: one.key,
      body: { voucherIds: [voucher.id, notHeld.id] },
    });
    expect(back.body).toMatchObject({ handedBack: [voucher.id] });
    expect((back.body.notHeld as string[]).length).toBe(1);
    // Desk 1 refreshes before desk 2 tries again: the voucher it gave back does not come back to it.
    const bounced = await takePack(t, one, asked.cursor);
    expect(bounced.vouchers.map((v) => v.id)).not.toContain(voucher.id);
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: deskKeys[1] as string,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    const after = await takePack(t, one, asked.cursor);
    expect(after.removed).toContainEqual({ id: voucher.id, reason: 'released' });
    expect(after.vouchers.map((v) => v.id)).not.toContain(voucher.id);
  });

  it('lets the holding key redeem online, and gives no voucher to two devices refreshing at once', async () => {
    await retireDevices();
    await Promise.all(Array.from({ length: 30 }, () => issue(t, world.coordinatorA)));
    const devices: TestDevice[] = [];
    for (const [i, key] of deskKeys.entries())
      devices.push(await registerDevice(t, key, 'pp-a1', `Desk ${i + 1}`));
    // Every device refreshes twice, all at once (six refreshes racing for the same leases).
    const packs = await Promise.all(devices.flatMap((device) => [1, 2].map(() => takePack(t, device))));
    const holders = new Map<string, Set<string>>();
    packs.forEach((pack) => {
      for (const voucher of pack.vouchers)
        holders.set(voucher.id, (holders.get(voucher.id) ?? new Set()).add(pack.deviceId));
    });
    const doubled = [...holders].filter(([, by]) => by.size > 1);
    expect(doubled).toEqual([]);
    const leases = await Promise.all([...holders.keys()].map((id) => t.deps.stores.leases.get(id)));
    for (const [i, id] of [...holders.keys()].entries())
      expect(leases[i]?.deviceId, id).toBe([...(holders.get(id) ?? [])][0]);

    const [mine] = (await takePack(t, devices[0] as TestDevice)).vouchers;
    if (mine === undefined) throw new Error('desk 1 holds nothing');
    const own = await call(t.app, 'POST', '/v1/redemptions', {
      key: deskKeys[0] as string,
      body: { code: mine.shortCode, pickupPointId: 'pp-a1' },
    });
    expect(own.status).toBe(200);
  });

  it('ends a revoked device’s leases at once and turns its late records into conflicts', async () => {
    await retireDevices();
    const voucher = await issue(t, world.coordinatorA);
    const lost = await registerDevice(t, deskKeys[0] as string, 'pp-a1', 'Lost phone');
    const pack = await takePack(t, lost);
    expect(pack.vouchers.map((v) => v.id)).toContain(voucher.id);
    const record = offlineRecord(lost, pack.vouchers.find((v) => v.id === voucher.id) ?? voucher);
    const revoked = await call(t.app, 'POST', `/v1/devices/${lost.id}/revoke`, {
      key: world.coordinatorA,
      body: {},
    });
    expect(revoked.status).toBe(200);
    expect(await t.deps.stores.leases.get(voucher.id)).toBeUndefined();

    const late = await sync(t, lost, [record]);
    expect(late.body.results).toMatchObject([{ outcome: 'conflict', reason: 'device-revoked' }]);
    const conflict = await call(t.app, 'GET', `/v1/conflicts/${late.body.results[0]?.conflictId}`, {
      key: world.logistics,
    });
    expect(conflict.body).toMatchObject({
      status: 'open',
      voucherId: voucher.id,
      offline: { deviceId: lost.id, deviceLabel: 'Lost phone' },
    });
    expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    const packAfter = await call(t.app, 'GET', `/v1/devices/${lost.id}/pack`, { key: lost.key });
    expect(packAfter.status).toBe(409);
  });

  it('drops a voucher whose lease ended for another desk, and still books a handover synced after its lease ended', async () => {
    await retireDevices();
    const patched = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineWindowHours: 1 },
    });
    expect(patched.status).toBe(200);
    const vouchers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => issue(t, world.coordinatorA)));
    const one = await registerDevice(t, deskKeys[0] as string, 'pp-a1', 'Desk 1');
    const first = await takePack(t, one);
    expect(first.vouchers.map((v) => v.id)).toEqual(expect.arrayContaining(vouchers.map((v) => v.id)));
    for (const v of first.vouchers) expect(Date.parse(v.leaseUntil)).toBeLessThanOrEqual(clock + HOUR);
    // Desk 1 hands one over offline, then stays away past its window while desk 2 joins.
    const handedOver = first.vouchers[0];
    if (handedOver === undefined) throw new Error('empty pack');
    const lateRecord = offlineRecord(one, handedOver, {
      deviceTime: new Date(clock + 10 * 60_000).toISOString(),
    });
    clock += 2 * HOUR;
    const two = await registerDevice(t, deskKeys[1] as string, 'pp-a1', 'Desk 2');
    const packTwo = await takePack(t, two);
    expect(packTwo.vouchers.length).toBeGreaterThan(0);
    const movedIds = new Set(packTwo.vouchers.map((v) => v.id));

    const refreshed = await takePack(t, one, first.cursor);
    for (const id of movedIds) expect(refreshed.removed).toContainEqual({ id, reason: 'moved' });
    const synced = await sync(t, one, [lateRecord]);
    expect(synced.body.results[0]?.outcome).toBe(movedIds.has(handedOver.id) ? 'conflict' : 'redeemed');

    await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'online', offlineWindowHours: 12 },
    });
    const online = await takePack(t, two, packTwo.cursor);
    expect(online.vouchers).toEqual([]);
    expect(online.removed.map((r) => r.reason)).toEqual(packTwo.vouchers.map(() => 'lease-ended'));
    // Its leases are gone, the voucher records' copies with them: another desk redeems at once.
    const freed = packTwo.vouchers[0];
    if (freed === undefined) throw new Error('desk 2 held nothing');
    const elsewhere = await call(t.app, 'POST', '/v1/redemptions', {
      key: deskKeys[2] as string,
      body: { code: freed.shortCode, pickupPointId: 'pp-a1' },
    });
    expect(elsewhere.status, elsewhere.text).toBe(200);
    await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'pools' },
    });
  });
});
