import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

type Device = { id: string; status: string; poolSize: number; signedOffBy?: string };
type Released = { device: Device; released: number };

describe('POST /v1/devices/{id}/release: a manager hands a silent phone’s vouchers back to the pool', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let household = 0;

  const release = (deviceId: string, key: string, idempotencyKey: string = crypto.randomUUID()) =>
    call<Released>(t.app, 'POST', `/v1/devices/${deviceId}/release`, {
      key,
      headers: { 'idempotency-key': idempotencyKey },
    });
  const device = async (id: string) =>
    (await call<Device>(t.app, 'GET', `/v1/devices/${id}`, { key: world.admin })).body;
  const issueSome = async (count: number) => {
    const vouchers = [];
    for (let i = 0; i < count; i++)
      vouchers.push(await issue(t, world.coordinator, { beneficiaryRef: `HH-RELEASE-${++household}` }));
    return vouchers;
  };

  // A pack takes the unheld vouchers its hash assigns to it among the shelter's active phones, so
  // a test that needs its phone to hold vouchers first signs off the phones earlier tests left.
  const registerOnlyPhone = async (label: string) => {
    const listed = await call<{ items: Device[] }>(
      t.app,
      'GET',
      '/v1/devices?shelterId=shelter-a&limit=200',
      {
        key: world.admin,
      },
    );
    for (const other of listed.body.items.filter((item) => item.status === 'active'))
      expect((await release(other.id, world.admin)).status).toBe(200);
    return registerDevice(t, world.volunteer, 'pp-a1', label);
  };

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  describe('happy path', () => {
    it('ends its leases at once, signs it off for its volunteer, and another phone’s refresh takes its vouchers', async () => {
      const vouchers = await issueSome(3);
      const drawer = await registerDevice(t, world.volunteer, 'pp-a1', 'Phone in the drawer');
      const held = (await takePack(t, drawer)).vouchers.map((voucher) => voucher.id);
      expect(held).toEqual(expect.arrayContaining(vouchers.map((voucher) => voucher.id)));

      const released = await release(drawer.id, world.logisticsA);

      expect(released.status, released.text).toBe(200);
      expect(released.body.released).toBe(held.length);
      expect(released.body.device).toMatchObject({
        status: 'signed-off',
        poolSize: 0,
        signedOffBy: world.logisticsA.split('_')[1],
      });
      const listed = await call<{ items: Device[] }>(
        t.app,
        'GET',
        '/v1/devices?shelterId=shelter-a&limit=200',
        {
          key: world.coordinator,
        },
      );
      expect(listed.body.items.find((item) => item.id === drawer.id)).toMatchObject({
        status: 'signed-off',
        poolSize: 0,
      });
      const desk = await registerDevice(t, world.volunteer, 'pp-a1', 'Desk phone');
      expect((await takePack(t, desk)).vouchers.map((voucher) => voucher.id)).toEqual(
        expect.arrayContaining(held),
      );
    });

    it('books a handover the phone made offline before, when no other desk took the voucher; its next pack makes it active again', async () => {
      const [voucher] = await issueSome(1);
      const phone = await registerDevice(t, world.volunteerEverywhere, 'pp-a1', 'Late phone');
      await takePack(t, phone);
      const record = offlineRecord(phone, { id: voucher?.id ?? '' });

      expect((await release(phone.id, world.admin)).status).toBe(200);
      const synced = await sync(t, phone, [record]);

      expect(synced.body.results.map((result) => result.outcome)).toEqual(['redeemed']);
      await takePack(t, phone);
      expect((await device(phone.id)).status).toBe('active');
    });

    it('answers a retry with the first answer (how many it held), handing nothing back twice', async () => {
      await issueSome(2);
      const phone = await registerOnlyPhone('Retried phone');
      const held = (await takePack(t, phone)).vouchers.length;
      expect(held).toBeGreaterThan(0);

      const first = await release(phone.id, world.admin, 'release-retry');
      const again = await release(phone.id, world.admin, 'release-retry');

      expect(first.body.released).toBe(held);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    });

    it('lists a phone its volunteer signed off as holding none of the vouchers of its last pack', async () => {
      await issueSome(1);
      const phone = await registerOnlyPhone('Signed-off phone');
      expect((await takePack(t, phone)).vouchers.length).toBeGreaterThan(0);

      const off = await call<Device>(t.app, 'POST', `/v1/devices/${phone.id}/sign-off`, {
        key: world.volunteer,
        body: {},
      });

      expect(off.body).toMatchObject({ status: 'signed-off', poolSize: 0 });
      expect(off.body).not.toHaveProperty('signedOffBy');
      expect((await device(phone.id)).poolSize).toBe(0);
    });
  });

  describe('errors', () => {
    it('refuses a revoked phone (409) and one that does not exist (404), changing nothing', async () => {
      await issueSome(1);
      const phone = await registerOnlyPhone('Lost phone');
      expect((await takePack(t, phone)).vouchers.length).toBeGreaterThan(0);
      const revoked = await call(t.app, 'POST', `/v1/devices/${phone.id}/revoke`, {
        key: world.admin,
        body: {},
      });
      expect(revoked.body).toMatchObject({ status: 'revoked', poolSize: 0 });

      const again = await call(t.app, 'POST', `/v1/devices/${phone.id}/release`, { key: world.admin });
      const absent = await call(t.app, 'POST', '/v1/devices/dev_01JZZZZZZZZZZZZZZZZZZZZZZZ/release', {
        key: world.admin,
      });

      expect(again.status).toBe(409);
      expect(isProblem(again)).toBe(true);
      expect((await device(phone.id)).status).toBe('revoked');
      expect(absent.status).toBe(404);
    });
  });

  describe('access', () => {
    it('lets an admin, a logistics lead of the shelter and its organisation’s coordinator; refuses another organisation’s coordinator, a volunteer, and hides it from keys of other shelters', async () => {
      const phone = await registerDevice(t, world.volunteer, 'pp-a1', 'Access phone');
      const logisticsB = await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-b'] });
      const status = async (key: string) =>
        (await call(t.app, 'POST', `/v1/devices/${phone.id}/release`, { key })).status;

      expect(await status(world.otherOrgCoordinator)).toBe(403);
      expect(await status(world.volunteer)).toBe(403);
      expect(await status(logisticsB)).toBe(404);
      expect(await status(world.coordinatorA)).toBe(200);
      expect(await status(world.logisticsA)).toBe(200);
      expect(await status(world.admin)).toBe(200);
    });

    it('tells another organisation’s coordinator whom to ask', async () => {
      const phone = await registerDevice(t, world.volunteer, 'pp-a1', 'Partner phone');
      const refused = await call(t.app, 'POST', `/v1/devices/${phone.id}/release`, {
        key: world.otherOrgCoordinator,
      });

      expect(refused.body.detail).toMatch(
        /own organisation's devices.*admin.*logistics lead.*hand its vouchers back/,
      );
    });
  });
});
