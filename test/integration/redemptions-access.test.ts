import { beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, call } from '../support/http.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, stockShelter, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('verify and redeem: access', () => {
  let t: TestApp;
  let world: VoucherWorld;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  it('refuses a pickup point outside the key, and a key that is not a volunteer’s', async () => {
    const voucher = await issue(t, world.coordinator);
    const outside = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteerAB,
      body: { token: voucher.token, pickupPointId: 'pp-a2' },
    });
    expect(outside.status).toBe(403);
    const coordinator = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.coordinator,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(coordinator.status).toBe(403);
  });

  describe('a shelter’s volunteers serve every partner, and see no other shelter’s vouchers', () => {
    // world.volunteer (org-a) serves pickup point pp-a1 of shelter A only; volunteerAB serves A and B.
    // The vouchers are another partner's (org-c), so this organisation's listings stay as they were.
    let partner: string;
    beforeAll(async () => {
      await t.createOrg('org-c');
      partner = await t.createKey('coordinator', 'org-c');
    });

    /** A refusal that tells nothing of the voucher's state: the problem members and the shelter only. */
    const expectNothingOfState = (result: CallResult) => {
      // The shelter's name is told when the key serves no pickup point there (its page cannot list it).
      expect(
        Object.keys(result.body)
          .filter((key) => key !== 'voucherShelterName')
          .sort(),
      ).toEqual(['detail', 'requestId', 'status', 'title', 'type', 'voucherShelterId'].sort());
      expect(String(result.body.detail)).not.toMatch(/redeemed|cancelled|expired|\d{4}-\d{2}-\d{2}/);
    };

    it('verifies and redeems another partner organisation’s voucher for the shelter it serves', async () => {
      const ofPartner = await issue(t, partner);
      const checked = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteer,
        body: { code: ofPartner.code },
      });
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ voucherId: ofPartner.id, status: 'issued' });
      const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteer,
        body: { token: ofPartner.token, pickupPointId: 'pp-a1' },
      });
      expect(redeemed.status).toBe(200);
    });

    it('answers voucher-wrong-shelter, and nothing of its state, for a void or redeemed voucher of another shelter', async () => {
      await stockShelter(t, world.logistics, 'shelter-b', [{ itemId: 'rice', quantity: 20 }]);
      const lines = [{ itemId: 'rice', quantity: 1 }];
      const voided = await issue(t, partner, { shelterId: 'shelter-b', lines });
      await call(t.app, 'POST', `/v1/vouchers/${voided.id}/void`, { key: partner });
      const redeemed = await issue(t, partner, { shelterId: 'shelter-b', lines });
      const handedOver = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: redeemed.token, pickupPointId: 'pp-b1' },
      });
      expect(handedOver.status).toBe(200);

      for (const voucher of [voided, redeemed]) {
        for (const body of [
          { token: voucher.token },
          { code: voucher.code },
          { token: voucher.token, pickupPointId: 'pp-a1' },
        ]) {
          const checked = await call(t.app, 'POST', '/v1/vouchers/verify', { key: world.volunteer, body });
          expect(checked.status, JSON.stringify(body)).toBe(422);
          expect(checked.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
          expectNothingOfState(checked);
        }
        const redeem = await call(t.app, 'POST', '/v1/redemptions', {
          key: world.volunteer,
          body: { token: voucher.token, pickupPointId: 'pp-a1' },
        });
        expect(redeem.status).toBe(422);
        expect(redeem.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
        expectNothingOfState(redeem);
      }
    });

    it('checks the shelter before the state even for a key that serves both shelters', async () => {
      const voucher = await issue(t, partner);
      await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: partner });
      const elsewhere = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(elsewhere.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
      expectNothingOfState(elsewhere);
      const here = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(here.body.type).toBe('urn:supplyline:problem:voucher-void');
      expect(here.body.voidedAt).toEqual(expect.any(String));
    });
  });
});
