import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, standardLines, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('vouchers: access', () => {
  let t: TestApp;
  let world: VoucherWorld;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  it('lets only coordinators issue', async () => {
    for (const key of [world.admin, world.logistics, world.volunteerAB]) {
      const result = await call(t.app, 'POST', '/v1/vouchers', {
        key,
        body: { shelterId: 'shelter-a', beneficiaryRef: 'x', householdSize: 1, lines: standardLines },
      });
      expect(result.status).toBe(403);
    }
  });

  describe('coordinators see their own organisation only', () => {
    it('answers 404 for another organisation’s voucher, its QR, slip and void', async () => {
      const voucher = await issue(t, world.coordinator);
      for (const [method, path] of [
        ['GET', `/v1/vouchers/${voucher.id}`],
        ['GET', `/v1/vouchers/${voucher.id}/qr.svg`],
        ['GET', `/v1/vouchers/${voucher.id}/qr.png`],
        ['GET', `/v1/vouchers/${voucher.id}/slip`],
        ['POST', `/v1/vouchers/${voucher.id}/void`],
      ] as const) {
        const result = await call(t.app, method, path, { key: world.otherOrgCoordinator });
        expect(result.status, path).toBe(404);
        expect(isProblem(result)).toBe(true);
      }
      const list = await call<{ items: unknown[] }>(t.app, 'GET', '/v1/vouchers', {
        key: world.otherOrgCoordinator,
      });
      expect(list.body.items).toEqual([]);
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    });
  });
});
