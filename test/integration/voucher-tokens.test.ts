import { beforeAll, describe, expect, it } from 'vitest';
import { VoucherKeyRing } from '../../shared/auth/voucher-signing-keys.js';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { signVoucherToken, verifyVoucherToken } from '../../shared/domain/voucher-token.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { createTestApp, type TestApp, testSecrets } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

/** 1,000 tokens that must never redeem: bit flips, truncations, extensions, foreign keys, expired. */
function mutations(
  token: string,
  foreignToken: string,
  expiredToken: string,
): Array<[kind: string, token: string]> {
  const bytes = Buffer.from(token, 'base64url');
  const out: Array<[string, string]> = [];
  for (let i = 0; out.length < 700; i++) {
    const flipped = Buffer.from(bytes);
    const position = i % flipped.length;
    flipped[position] = (flipped[position] ?? 0) ^ (1 << (i % 8));
    out.push(['bit flip', flipped.toString('base64url')]);
  }
  for (let cut = 1; out.length < 850; cut++)
    out.push(['truncated', token.slice(0, token.length - (cut % token.length || 1))]);
  for (let extra = 1; out.length < 900; extra++) out.push(['extended', token + 'A'.repeat(extra % 8 || 1)]);
  for (let i = 0; out.length < 980; i++)
    out.push(['foreign key', i % 2 === 0 ? foreignToken : `${foreignToken.slice(0, -2)}AA`]);
  while (out.length < 1000) out.push(['expired', expiredToken]);
  return out;
}

describe('voucher tokens', () => {
  let t: TestApp;
  let world: World;
  let volunteer: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    volunteer = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a'],
      pickupPointIds: ['pp-a1'],
    });
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 100 },
      { itemId: 'water', quantity: 500 },
      { itemId: 'blanket', quantity: 10 },
    ]);
  });

  it('round-trips its claims and holds nothing but version, key id, voucher id, expiry and signature', () => {
    const ring = new VoucherKeyRing(testSecrets.voucherSigning);
    const expiresAt = new Date('2026-12-11T00:00:00Z');
    const token = signVoucherToken({ voucherId: '01KB0000000000000000000000', expiresAt }, ring);
    expect(token.length).toBeLessThan(130);
    expect(verifyVoucherToken(token, ring)).toEqual({
      ok: true,
      claims: { voucherId: '01KB0000000000000000000000', expiresAt, keyId: 'test-k1' },
    });
  });

  it('rejects 1,000 mutated, truncated, foreign-key and expired tokens, each with a problem type, changing nothing', async () => {
    const good = await issue(t, world.coordinator);
    const foreignRing = new VoucherKeyRing(generateAppSecrets('test-k1').voucherSigning);
    const foreignToken = signVoucherToken(
      { voucherId: good.id, expiresAt: new Date(Date.now() + 86_400_000) },
      foreignRing,
    );
    const pastValid = await issue(t, world.coordinator, {
      validFrom: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      validUntil: new Date(Date.now() + 1500).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 1600));

    const cases = mutations(good.token, foreignToken, pastValid.token);
    expect(cases).toHaveLength(1000);
    const seen = new Map<string, number>();
    for (const [kind, token] of cases) {
      if (token === good.token) continue; // a flip that cancels out is not a mutation
      const result = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token, pickupPointId: 'pp-a1' },
      });
      expect(result.status, `${kind}: ${token}`).not.toBe(200);
      expect(isProblem(result)).toBe(true);
      const type = String(result.body.type);
      seen.set(type, (seen.get(type) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(
      expect.arrayContaining([
        'urn:supplyline:problem:voucher-expired',
        'urn:supplyline:problem:voucher-forged',
        'urn:supplyline:problem:voucher-tampered',
        'urn:supplyline:problem:voucher-unreadable',
      ]),
    );
    // The good voucher is untouched and still redeems.
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: volunteer,
      body: { token: good.token, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);
  });

  it('serves the public keys as a JWK set that verifies a token with no private key', async () => {
    const result = await call<{ activeKeyId: string; keys: Array<{ kid: string; x: string }> }>(
      t.app,
      'GET',
      '/v1/voucher-keys',
    );
    expect(result.status).toBe(200);
    expect(result.body.activeKeyId).toBe('test-k1');
    expect(result.text).not.toContain('privateKey');
    const { createPublicKey, verify } = await import('node:crypto');
    const voucher = await issue(t, world.coordinator);
    const jwk = result.body.keys[0];
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: jwk?.x ?? '' },
      format: 'jwk',
    });
    const bytes = Buffer.from(voucher.token, 'base64url');
    expect(
      verify(null, bytes.subarray(0, bytes.length - 64), publicKey, bytes.subarray(bytes.length - 64)),
    ).toBe(true);
  });
});
