import { beforeAll, describe, expect, it } from 'vitest';
import { VoucherKeyRing } from '../../shared/auth/voucher-signing-keys.js';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { signVoucherToken } from '../../shared/domain/voucher-token.js';
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

    it.each([
      ['both a token and a code', { code: 'K7QD-2M9X-4', token: 'AQ' }],
      ['neither a token nor a code', { pickupPointId: 'pp-a1' }],
    ])('asks for exactly one of token or code when it sends %s', async (_name, body) => {
      const result = await call(t.app, 'POST', '/v1/vouchers/verify', { key: world.volunteerAB, body });
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        {
          field: 'body',
          message: 'send exactly one of token (the scanned QR text) or code (the typed short code)',
        },
      ]);
    });

    it('asks for a new scan of a token cut short or garbled, or of another QR code, without calling it forged', async () => {
      const voucher = await issue(t, world.coordinator);
      const scans = {
        'cut short': voucher.token.slice(0, 60),
        'cut short by a few symbols': voucher.token.slice(0, -3),
        garbled: `${voucher.token.slice(0, 40)}%?${voucher.token.slice(42)}`,
        'another QR code': 'https://example.org/menu',
      };
      for (const [name, token] of Object.entries(scans)) {
        const result = await call(t.app, 'POST', '/v1/vouchers/verify', {
          key: world.volunteerAB,
          body: { token },
        });
        expect(result.status, name).toBe(422);
        expect(result.body.type, name).toBe('urn:supplyline:problem:voucher-unreadable');
        expect(result.body.detail, name).toMatch(/^Could not read this code, scan again\./);
      }
    });

    it('keeps voucher-forged for a well-formed token no key of ours signed, and voucher-tampered for a changed one', async () => {
      const voucher = await issue(t, world.coordinator);
      const strangerRing = new VoucherKeyRing(generateAppSecrets('zz-9').voucherSigning);
      const stranger = signVoucherToken(
        { voucherId: voucher.id, expiresAt: new Date(Date.now() + 86_400_000) },
        strangerRing,
      );
      const bytes = Buffer.from(voucher.token, 'base64url');
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;

      const forged = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { token: stranger },
      });
      const tampered = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { token: bytes.toString('base64url') },
      });

      expect(forged.body.type).toBe('urn:supplyline:problem:voucher-forged');
      expect(tampered.body.type).toBe('urn:supplyline:problem:voucher-tampered');
    });

    it('says why a voucher cannot be redeemed at another shelter’s pickup point, naming its shelter', async () => {
      const voucher = await issue(t, world.coordinator);

      const result = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });

      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({
        canRedeemHere: false,
        cannotRedeemHereBecause: {
          type: 'urn:supplyline:problem:voucher-wrong-shelter',
          detail: expect.stringContaining('shelter-a'),
        },
      });
    });
  });

  describe('the pickup point', () => {
    it.each([
      ['verify', '/v1/vouchers/verify'],
      ['redeem', '/v1/redemptions'],
    ])(
      '%s: an unknown pickup point is 404 naming it, a known one outside the key’s scope 403',
      async (_name, path) => {
        const voucher = await issue(t, world.coordinator);

        const unknown = await call(t.app, 'POST', path, {
          key: world.volunteer,
          body: { token: voucher.token, pickupPointId: 'pp-nowhere' },
        });
        const outOfScope = await call(t.app, 'POST', path, {
          key: world.volunteer,
          body: { token: voucher.token, pickupPointId: 'pp-a2' },
        });

        expect(unknown.status).toBe(404);
        expect(unknown.body).toMatchObject({
          type: 'urn:supplyline:problem:not-found',
          detail: 'Pickup point "pp-nowhere" not found.',
        });
        expect(outOfScope.status).toBe(403);
        expect(outOfScope.body.detail).toContain('pp-a2');
        expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
      },
    );
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
