import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('verify and redeem: errors', () => {
  let t: TestApp;
  let world: VoucherWorld;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  describe('verify', () => {
    it('refuses a mistyped code before looking anything up, and answers 404 for an unknown one', async () => {
      const voucher = await issue(t, world.coordinator);
      const last = voucher.code.at(-1) === '0' ? '1' : '0';
      const typo = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { code: `${voucher.code.slice(0, -1)}${last}` },
      });
      expect(typo.status).toBe(422);
      expect(typo.body.type).toBe('urn:supplyline:problem:voucher-code-invalid');
      const both = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { code: voucher.code, token: voucher.token },
      });
      expect(both.status).toBe(400);
    });
  });

  describe('redeem: each refusal has its own problem type', () => {
    it('refuses a voucher for another shelter, a void one and one not yet valid', async () => {
      const voucher = await issue(t, world.coordinator);
      const wrong = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');

      const voided = await issue(t, world.coordinator);
      await call(t.app, 'POST', `/v1/vouchers/${voided.id}/void`, { key: world.coordinator });
      const onVoid = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: voided.token, pickupPointId: 'pp-a1' },
      });
      expect(onVoid.body.type).toBe('urn:supplyline:problem:voucher-void');

      const later = await issue(t, world.coordinator, {
        validFrom: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const early = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: later.token, pickupPointId: 'pp-a1' },
      });
      expect(early.body.type).toBe('urn:supplyline:problem:voucher-not-yet-valid');
    });
  });
});
