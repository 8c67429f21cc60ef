import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync, type TestDevice } from '../support/offline-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/**
 * A phone that handed a voucher over must know it as its own when it checks that voucher again
 * (a reload, a list that came late): the voucher names the registered device that handed it over.
 */
describe('redeem voucher: the phone that handed it over is named on the voucher', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let phone: TestDevice;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
    phone = await registerDevice(t, world.volunteerAB, 'pp-a1', 'Gate phone');
  });

  const verify = (code: string) =>
    call(t.app, 'POST', '/v1/vouchers/verify', {
      key: world.volunteerAB,
      body: { code, pickupPointId: 'pp-a1' },
    });

  it('keeps the device an online redemption names, and answers it back in verify and in voucher-already-redeemed', async () => {
    const voucher = await issue(t, world.coordinator);

    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteerAB,
      body: { code: voucher.code, pickupPointId: 'pp-a1', deviceId: phone.id },
    });

    expect(redeemed.status).toBe(200);
    expect((await verify(voucher.code)).body).toMatchObject({ status: 'redeemed', deviceId: phone.id });
    const again = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteerAB,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:supplyline:problem:voucher-already-redeemed',
      redeemedAt: redeemed.body.redeemedAt,
      pickupPointId: 'pp-a1',
      deviceId: phone.id,
    });
  });

  it('names the device of a synced offline handover too', async () => {
    const voucher = await issue(t, world.coordinator);
    const synced = await sync(t, phone, [offlineRecord(phone, voucher)]);
    expect(synced.body.results[0]?.outcome).toBe('redeemed');

    expect((await verify(voucher.code)).body).toMatchObject({ status: 'redeemed', deviceId: phone.id });
  });

  it('names no device when the redemption named none', async () => {
    const voucher = await issue(t, world.coordinator);
    await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteerAB,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });

    const view = await verify(voucher.code);
    expect(view.body.status).toBe('redeemed');
    expect(view.body).not.toHaveProperty('deviceId');
  });

  it('refuses a device of another key, or of another pickup point, and changes nothing', async () => {
    const voucher = await issue(t, world.coordinator);
    const otherKeysPhone = await registerDevice(t, world.volunteer, 'pp-a1', 'Another volunteer');
    const atTheYard = await registerDevice(t, world.volunteerAB, 'pp-b1', 'Yard phone');

    for (const deviceId of [otherKeysPhone.id, atTheYard.id, 'dev_00000000000000000000000000']) {
      const refused = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { code: voucher.code, pickupPointId: 'pp-a1', deviceId },
      });
      expect(refused.status, deviceId).toBe(400);
      expect(refused.body).toMatchObject({
        type: 'urn:supplyline:problem:validation',
        errors: [{ field: 'body.deviceId', message: expect.stringContaining('leave deviceId out') }],
      });
    }
    expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
  });
});
