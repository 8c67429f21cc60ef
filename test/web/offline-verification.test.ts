import { createHmac, randomBytes } from 'node:crypto';
import { verifyAsync } from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { offlineRecordHmac } from '../../shared/auth/offline-record-hmac.js';
import { VoucherKeyRing } from '../../shared/auth/voucher-signing-keys.js';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { signVoucherToken } from '../../shared/domain/voucher-token.js';
import { offlineRecordMessage } from '../../shared/rules/offline-record.js';
import { parseToken } from '../../shared/rules/voucher-token.js';
import { recordHmac } from '../../web/scan/record-hmac.js';
import { verifyToken } from '../../web/scan/voucher-token.js';

// The scanner's offline checks, run in Node (which has the same WebCrypto) against tokens the
// server's own signer makes: what the phone accepts offline is what the server would accept.
const ring = new VoucherKeyRing(generateAppSecrets('k7').voucherSigning);
const voucherId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const expiresAt = new Date('2027-01-01T00:00:00Z');
const token = signVoucherToken({ voucherId, expiresAt }, ring);
const jwks = ring.jwks();

/** The same token with one byte of its voucher id changed, the signature left as it was. */
function tampered(): string {
  const bytes = Buffer.from(token, 'base64url');
  bytes[6] = (bytes[6] ?? 0) ^ 1;
  return bytes.toString('base64url');
}

describe('offline voucher token check (shared/rules/voucher-token.js, web/scan/voucher-token.js)', () => {
  it('reads the voucher id, expiry and key id the server signed', () => {
    expect(parseToken(token)).toMatchObject({ voucherId, expiresAt, keyId: 'k7' });
  });

  it('accepts the server’s signature under the pack’s key', async () => {
    const parsed = parseToken(token);
    if (parsed === undefined) throw new Error('the token parses');
    expect(await verifyToken(parsed, jwks)).toBe('ok');
  });

  it('refuses a token whose bytes were changed after signing, and one under a key it does not have', async () => {
    const changed = parseToken(tampered());
    const parsed = parseToken(token);
    if (changed === undefined || parsed === undefined) throw new Error('both parse');
    expect(await verifyToken(changed, jwks)).toBe('bad-signature');
    expect(
      await verifyToken(
        parsed,
        jwks.map((key) => ({ ...key, kid: 'other' })),
      ),
    ).toBe('unknown-key');
  });

  it('refuses texts that are no token, as the server does', () => {
    expect(parseToken('https://example.org/not-a-voucher')).toBeUndefined();
    expect(parseToken(token.slice(0, -4))).toBeUndefined();
    // Cut short by one to three symbols: a length no base64 text can have, among others.
    for (const cut of [1, 2, 3]) expect(parseToken(token.slice(0, -cut)), `cut ${cut}`).toBeUndefined();
    expect(parseToken(`${token}A`)).toBeUndefined();
  });

  it('agrees with the fallback library (@noble/ed25519) for browsers without WebCrypto Ed25519', async () => {
    const parsed = parseToken(token);
    const key = jwks[0];
    if (parsed === undefined || key === undefined) throw new Error('a token and a key');
    const publicKey = Buffer.from(key.x, 'base64url');
    expect(await verifyAsync(parsed.signature, parsed.body, publicKey)).toBe(true);
    const changed = parseToken(tampered());
    if (changed === undefined) throw new Error('parses');
    expect(await verifyAsync(changed.signature, changed.body, publicKey)).toBe(false);
  });
});

describe('offline handover record HMAC (web/scan/record-hmac.js)', () => {
  const secret = randomBytes(32).toString('base64url');
  const record = {
    clientRedemptionId: '01JDEVICERECORD00000000001',
    deviceId: 'dev_01JDEVICE0000000000000000',
    voucherId,
    pickupPointId: 'pp-central-gate',
    lines: [
      { itemId: 'rice', quantity: 5 },
      { itemId: 'water', quantity: 30 },
    ],
    deviceTime: '2026-12-03T07:02:00.000Z',
    sequence: 3,
  };

  it('signs exactly the contract’s text: the JSON array of the fields in order', () => {
    expect(offlineRecordMessage(record)).toBe(
      JSON.stringify([
        record.deviceId,
        record.clientRedemptionId,
        3,
        voucherId,
        'pp-central-gate',
        record.deviceTime,
        [
          ['rice', 5],
          ['water', 30],
        ],
      ]),
    );
  });

  it('equals the HMAC-SHA256 Node computes under the decoded secret, base64url without padding', async () => {
    const expected = createHmac('sha256', Buffer.from(secret, 'base64url'))
      .update(offlineRecordMessage(record), 'utf8')
      .digest('base64url');

    const hmac = await recordHmac(secret, record);

    expect(hmac).toBe(expected);
    expect(hmac).not.toContain('=');
  });

  it('is the HMAC the server checks at sync (shared/auth/offline-record-hmac.ts)', async () => {
    expect(await recordHmac(secret, record)).toBe(
      offlineRecordHmac(record, Buffer.from(secret, 'base64url')),
    );
  });
});
