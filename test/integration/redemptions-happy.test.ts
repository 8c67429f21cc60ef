import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('verify and redeem: happy path', () => {
  let t: TestApp;
  let world: VoucherWorld;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  describe('verify', () => {
    it('shows status and lines with names, no beneficiary fields, and changes nothing', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-VERIFY' });
      const reserved = await reservedOf(t, 'shelter-a', 'rice');
      const result = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { code: voucher.code, pickupPointId: 'pp-a1' },
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ voucherId: voucher.id, status: 'issued', canRedeemHere: true });
      expect(result.body.lines).toEqual([
        { itemId: 'rice', name: 'Rice', unit: 'kg', quantity: 5 },
        { itemId: 'water', name: 'Water', unit: 'L', quantity: 30 },
        { itemId: 'blanket', name: 'Blanket', unit: 'piece', quantity: 1 },
      ]);
      expect(result.text).not.toMatch(/householdSize|beneficiary/);
      const wrongShelter = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(wrongShelter.body.canRedeemHere).toBe(false);
      expect(await reservedOf(t, 'shelter-a', 'rice')).toBe(reserved);
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    });
  });
});
