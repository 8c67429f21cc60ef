import { beforeEach, describe, expect, it } from 'vitest';
import type { DevicePack } from '../../shared/domain/device-pack.js';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import {
  offlineRecord,
  registerDevice,
  sync,
  type TestDevice,
  takePack,
} from '../support/offline-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/** The server's clock, moved by the tests: silence is measured by it, never waited for. */
let clock = Date.now();
const MINUTE = 60_000;

/**
 * Issue 21: a phone that holds vouchers and then goes silent (abandoned, switched off) used to
 * keep them from every other desk until its leases ran out (the offline window, 12 h). Now the
 * next refresh of another phone ends its leases once it has been silent longer than the
 * shelter's silentPhoneMinutes, and every pack says where the shelter's vouchers are.
 */
describe('silent phones and the pool summary', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let keys: string[];
  beforeEach(async () => {
    clock = Date.now();
    t = await createTestApp({ deps: { now: () => new Date(clock) } });
    world = await buildVoucherWorld(t);
    keys = await Promise.all(
      [1, 2, 3].map(() =>
        t.createKey('volunteer', 'org-a', { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] }),
      ),
    );
  });

  const key = (i: number) => keys[i] as string;
  const idsOf = (pack: DevicePack) => pack.vouchers.map((v) => v.id).sort();
  const issueSome = async (n: number) =>
    (await Promise.all(Array.from({ length: n }, () => issue(t, world.coordinatorA))))
      .map((v) => v.id)
      .sort();

  it('tells a phone that holds nothing which phone holds the shelter’s vouchers, and from when it counts as silent', async () => {
    const vouchers = await issueSome(4);
    const first = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    const firstPack = await takePack(t, first);
    expect(idsOf(firstPack)).toEqual(vouchers);
    expect(firstPack.pool).toEqual({
      heldHere: 4,
      heldByOtherPhones: 0,
      inPool: 0,
      silentPhoneMinutes: 120,
      otherPhones: [],
    });

    clock += 5 * MINUTE;
    const next = await registerDevice(t, key(1), 'pp-a1', 'Gate phone 2');
    const nextPack = await takePack(t, next);
    expect(nextPack.vouchers).toEqual([]);
    expect(nextPack.pool).toEqual({
      heldHere: 0,
      heldByOtherPhones: 4,
      inPool: 0,
      silentPhoneMinutes: 120,
      otherPhones: [
        {
          deviceId: first.id,
          label: 'Gate phone 1',
          pickupPointId: 'pp-a1',
          pickupPointName: 'Gate',
          held: 4,
          lastContactAt: firstPack.generatedAt,
          silentFrom: new Date(Date.parse(firstPack.generatedAt) + 120 * MINUTE).toISOString(),
        },
      ],
    });
  });

  it('re-pools a phone silent longer than the setting at the next phone’s refresh, and tells it why at its own', async () => {
    const vouchers = await issueSome(6);
    const silent = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    const silentPack = await takePack(t, silent);
    expect(idsOf(silentPack)).toEqual(vouchers);
    const next = await registerDevice(t, key(1), 'pp-a1', 'Gate phone 2');
    expect((await takePack(t, next)).vouchers).toEqual([]);

    // Silent for exactly the setting: not longer, so it keeps every voucher.
    clock += 120 * MINUTE;
    const notYet = await takePack(t, next);
    expect(notYet.vouchers).toEqual([]);
    expect(notYet.pool).toMatchObject({ heldHere: 0, heldByOtherPhones: 6 });

    clock += MINUTE;
    const repooled = await takePack(t, next);
    expect(idsOf(repooled)).toEqual(vouchers);
    expect(repooled.pool).toMatchObject({ heldHere: 6, heldByOtherPhones: 0, inPool: 0, otherPhones: [] });
    for (const id of vouchers) {
      expect((await t.deps.stores.leases.get(id))?.deviceId).toBe(next.id);
      // The voucher record's copy moved with the lease (a redemption checks the copy).
      expect(await t.deps.stores.vouchers.get(id)).toMatchObject({ leaseDeviceId: next.id });
    }

    // The silent phone comes back: every voucher it held is removed from its list, lease ended.
    const back = await takePack(t, silent, silentPack.cursor);
    expect(back.vouchers).toEqual([]);
    expect(back.removed.map((r) => r.id).sort()).toEqual(vouchers);
    expect(new Set(back.removed.map((r) => r.reason))).toEqual(new Set(['lease-ended']));
    expect(back.pool).toMatchObject({
      heldHere: 0,
      heldByOtherPhones: 6,
      otherPhones: [{ deviceId: next.id, held: 6 }],
    });
  });

  it('counts a sync as a sign of life, and a shelter can lengthen the silence it allows', async () => {
    const vouchers = await issueSome(3);
    const quiet = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    const quietPack = await takePack(t, quiet);
    const next = await registerDevice(t, key(1), 'pp-a1', 'Gate phone 2');
    clock += 100 * MINUTE;
    // No pack for 100 minutes, but it syncs a handover: it is not silent.
    const record = offlineRecord(quiet, quietPack.vouchers[0] ?? { id: '' }, {
      deviceTime: new Date(clock).toISOString(),
    });
    expect((await sync(t, quiet, [record])).body.results[0]?.outcome).toBe('redeemed');
    clock += 100 * MINUTE;
    expect((await takePack(t, next)).vouchers).toEqual([]);

    const patched = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { silentPhoneMinutes: 480 },
    });
    expect(patched.body).toMatchObject({ silentPhoneMinutes: 480 });
    // Its last sign of life was the sync, 100 minutes ago: silent after 480, not before.
    clock += 379 * MINUTE;
    expect((await takePack(t, next)).pool).toMatchObject({ heldHere: 0, heldByOtherPhones: 2 });
    clock += 2 * MINUTE;
    expect(idsOf(await takePack(t, next))).toEqual(vouchers.filter((id) => id !== record.voucherId));
  });

  it('books a silent phone’s late handover by today’s rules: redeemed if nobody took the voucher, once a conflict if another phone holds it', async () => {
    const vouchers = await issueSome(14);
    const silent = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    const silentPack = await takePack(t, silent);
    // Handed over offline ten minutes in, then the phone is left in a drawer.
    const handedOver = silentPack.vouchers.map((v) =>
      offlineRecord(silent, v, { deviceTime: new Date(clock + 10 * MINUTE).toISOString() }),
    );
    clock += 121 * MINUTE;
    // Two phones start; the first to refresh takes its share, the other's share waits for it.
    const taker: TestDevice = await registerDevice(t, key(1), 'pp-a1', 'Gate phone 2');
    await registerDevice(t, key(2), 'pp-a1', 'Gate phone 3');
    const takerPack = await takePack(t, taker);
    const taken = new Set(idsOf(takerPack));
    expect(takerPack.pool.heldHere).toBe(taken.size);
    expect(takerPack.pool.inPool).toBe(vouchers.length - taken.size);
    expect(taken.size).toBeGreaterThan(0);
    expect(taken.size).toBeLessThan(vouchers.length);

    const late = await sync(t, silent, handedOver);
    const again = await sync(t, silent, handedOver);
    expect(again.body.results).toEqual(late.body.results);
    for (const result of late.body.results) {
      const voucherId = handedOver.find((r) => r.clientRedemptionId === result.clientRedemptionId)?.voucherId;
      if (taken.has(voucherId ?? '')) {
        expect(result).toMatchObject({ outcome: 'conflict', reason: 'held-by-other-device' });
        const conflict = await call(t.app, 'GET', `/v1/conflicts/${result.conflictId}`, {
          key: world.logistics,
        });
        expect(conflict.body).toMatchObject({
          status: 'open',
          voucherId,
          holder: { deviceId: taker.id, label: 'Gate phone 2' },
        });
        expect((await t.deps.stores.vouchers.get(voucherId ?? ''))?.status).toBe('issued');
      } else {
        // Nobody held it when the record arrived: the goods left, the ledger says so.
        expect(result).toMatchObject({ outcome: 'redeemed' });
        expect((await t.deps.stores.vouchers.get(voucherId ?? ''))?.status).toBe('redeemed');
      }
    }
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);
  });

  it('ends a silent phone’s lease only while it is silent and the lease is as read, and hands it to the refreshing phone', async () => {
    const [voucherId] = await issueSome(1);
    const phone = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    await takePack(t, phone);
    const read = await t.deps.stores.leases.get(voucherId ?? '');
    if (read === undefined) throw new Error('no lease taken');
    const stamp = String(clock);
    const cutoffAfterContact = new Date(clock + MINUTE).toISOString();
    const cutoffBeforeContact = new Date(clock - MINUTE).toISOString();

    // The phone spoke at or after the cutoff: it is no longer silent.
    expect(
      await t.deps.stores.leases.endSilentLease(read, { cutoff: cutoffBeforeContact, cursor: stamp }),
    ).toBe(false);
    // It renewed the lease after the refresh read it: the lease as read is gone.
    const renewed = { ...read, leaseUntil: new Date(Date.parse(read.leaseUntil) + MINUTE).toISOString() };
    expect(await t.deps.stores.leases.acquire(renewed, new Date(clock))).toBe(true);
    expect(
      await t.deps.stores.leases.endSilentLease(read, { cutoff: cutoffAfterContact, cursor: stamp }),
    ).toBe(false);
    expect(await t.deps.stores.leases.get(voucherId ?? '')).toMatchObject({ deviceId: phone.id });
    expect(await t.deps.stores.vouchers.get(voucherId ?? '')).toMatchObject({ leaseDeviceId: phone.id });

    // Silent, and the lease as read: it passes to the refreshing phone, the copy with it, and the
    // silent phone's pool entry says why it left.
    const successor = { ...renewed, deviceId: 'dev-next', keyId: 'key-next', leaseUntil: read.leaseUntil };
    const options = { cutoff: cutoffAfterContact, cursor: stamp, successor };
    expect(await t.deps.stores.leases.endSilentLease(renewed, options)).toBe(true);
    expect(await t.deps.stores.leases.get(voucherId ?? '')).toMatchObject({ deviceId: 'dev-next' });
    expect(await t.deps.stores.vouchers.get(voucherId ?? '')).toMatchObject({
      leaseDeviceId: 'dev-next',
      leaseKeyId: 'key-next',
    });
    expect(await t.deps.stores.leases.poolOf(phone.id)).toEqual([
      expect.objectContaining({ voucherId, state: 'ended', reason: 'lease-ended' }),
    ]);
    // Ended by another refresh first: this one's take-over is refused, nothing written twice.
    expect(await t.deps.stores.leases.endSilentLease(renewed, options)).toBe(false);
  });

  it('ends a silent lease without a successor: the voucher is free, its copy gone', async () => {
    const [voucherId] = await issueSome(1);
    const phone = await registerDevice(t, key(0), 'pp-a1', 'Gate phone 1');
    await takePack(t, phone);
    const read = await t.deps.stores.leases.get(voucherId ?? '');
    if (read === undefined) throw new Error('no lease taken');
    const cutoff = new Date(clock + MINUTE).toISOString();
    expect(await t.deps.stores.leases.endSilentLease(read, { cutoff, cursor: String(clock) })).toBe(true);
    expect(await t.deps.stores.leases.get(voucherId ?? '')).toBeUndefined();
    expect(await t.deps.stores.vouchers.get(voucherId ?? '')).not.toHaveProperty('leaseDeviceId');
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: key(1),
      body: { code: (await t.deps.stores.vouchers.get(voucherId ?? ''))?.code, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status, redeemed.text).toBe(200);
  });
});

describe('the silentPhoneMinutes setting', () => {
  it('is 120 unless set, and takes 15 minutes to 72 hours on create and update', async () => {
    const t = await createTestApp();
    await t.createOrg('org-a');
    const admin = await t.createKey('admin', 'org-a');
    const made = await call(t.app, 'POST', '/v1/shelters', {
      key: admin,
      body: { name: 'Shelter Q', province: 'Kandal', capacity: 10, population: 5 },
    });
    expect(made.body).toMatchObject({
      silentPhoneMinutes: 120,
      offlineMode: 'pools',
      offlineWindowHours: 12,
    });
    const chosen = await call(t.app, 'POST', '/v1/shelters', {
      key: admin,
      body: {
        name: 'Shelter R',
        province: 'Kandal',
        capacity: 10,
        population: 5,
        silentPhoneMinutes: 30,
        offlineWindowHours: 8,
      },
    });
    expect(chosen.body).toMatchObject({ silentPhoneMinutes: 30, offlineWindowHours: 8 });
    for (const silentPhoneMinutes of [14, 4321, 60.5]) {
      const refused = await call(t.app, 'PATCH', `/v1/shelters/${made.body.id}`, {
        key: admin,
        body: { silentPhoneMinutes },
      });
      expect(refused.status, String(silentPhoneMinutes)).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('body.silentPhoneMinutes');
    }
    const patched = await call(t.app, 'PATCH', `/v1/shelters/${made.body.id}`, {
      key: admin,
      body: { silentPhoneMinutes: 4320 },
    });
    expect(patched.body).toMatchObject({ silentPhoneMinutes: 4320 });
  });
});
