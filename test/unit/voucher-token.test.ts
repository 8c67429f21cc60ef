import { verify } from 'node:crypto';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { VoucherKeyRing } from '../../shared/auth/voucher-signing-keys.js';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { signVoucherToken, verifyVoucherToken } from '../../shared/domain/voucher-token.js';

const ring = new VoucherKeyRing(generateAppSecrets('k2').voucherSigning);
// The ULID spec's own example: its first ten symbols are the time 1469918176385 ms.
const voucherId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const expiresAt = new Date('2027-01-01T00:00:00Z');
const token = signVoucherToken({ voucherId, expiresAt }, ring);
const bytes = Buffer.from(token, 'base64url');

/** Where each part of the payload sits, for a two-character key id. */
const layout = { version: 0, keyIdLength: 1, keyId: 2, voucherId: 4, expiry: 20, signature: 24, end: 88 };

describe('voucher token layout', () => {
  it('is version, key id length, key id, voucher id, expiry, then the signature, base64url-encoded', () => {
    expect(bytes).toHaveLength(layout.end);
    expect(token).toHaveLength(118);
    expect(bytes[layout.version]).toBe(1);
    expect(bytes[layout.keyIdLength]).toBe(2);
    expect(bytes.subarray(layout.keyId, layout.voucherId).toString('ascii')).toBe('k2');
    // A ULID's 128-bit value begins with its 48-bit millisecond time.
    expect(bytes.readUIntBE(layout.voucherId, 6)).toBe(decodeTime(voucherId));
    expect(bytes.readUInt32BE(layout.expiry)).toBe(expiresAt.getTime() / 1000);
    const publicKey = ring.publicKey('k2');
    if (publicKey === undefined) throw new Error('the ring holds k2');
    expect(
      verify(null, bytes.subarray(0, layout.signature), publicKey, bytes.subarray(layout.signature)),
    ).toBe(true);
  });

  it('carries the voucher id as its 128-bit value, and nothing about a person', () => {
    const lowest = Buffer.from(signVoucherToken({ voucherId: '0'.repeat(26), expiresAt }, ring), 'base64url');
    const highest = Buffer.from(
      signVoucherToken({ voucherId: `7${'Z'.repeat(25)}`, expiresAt }, ring),
      'base64url',
    );
    expect(lowest.subarray(layout.voucherId, layout.expiry)).toEqual(Buffer.alloc(16, 0));
    expect(highest.subarray(layout.voucherId, layout.expiry)).toEqual(Buffer.alloc(16, 0xff));
  });

  it('gives back the claims it was signed with, the expiry to the second', () => {
    const signed = signVoucherToken({ voucherId, expiresAt: new Date('2027-01-01T00:00:00.750Z') }, ring);
    expect(verifyVoucherToken(signed, ring)).toEqual({
      ok: true,
      claims: { voucherId, expiresAt, keyId: 'k2' },
    });
  });

  it('signs voucher ids that are ULIDs only', () => {
    expect(() => signVoucherToken({ voucherId: 'not-a-ulid', expiresAt }, ring)).toThrow();
  });
});

describe('voucher token encoding', () => {
  it('has one spelling: padding, extra characters and unused trailing bits are refused', () => {
    expect(verifyVoucherToken(`${token}==`, ring)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyVoucherToken(`${token}A`, ring)).toEqual({ ok: false, reason: 'malformed' });
    // 88 bytes leave the last character 4 unused bits: setting one decodes to the very same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1) ?? '');
    const respelled = `${token.slice(0, -1)}${alphabet[last | 1]}`;
    expect(Buffer.from(respelled, 'base64url')).toEqual(bytes);
    expect(verifyVoucherToken(respelled, ring)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses what is too short or too long to be a token, and characters outside base64url', () => {
    expect(verifyVoucherToken(token.slice(0, 80), ring)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyVoucherToken(token.slice(0, -4), ring)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyVoucherToken(`${token.slice(0, -1)}+`, ring)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('voucher token tampering', () => {
  function flipped(position: number, bit: number): string {
    const copy = Buffer.from(bytes);
    copy[position] = (copy[position] ?? 0) ^ (1 << bit);
    return copy.toString('base64url');
  }

  it('catches every single-bit change, anywhere in the token', () => {
    const reasons = new Map<string, Set<string>>();
    for (let position = 0; position < layout.end; position++) {
      const part =
        Object.entries(layout)
          .filter(([, start]) => start <= position)
          .at(-1)?.[0] ?? 'version';
      for (let bit = 0; bit < 8; bit++) {
        const check = verifyVoucherToken(flipped(position, bit), ring);
        expect(check.ok, `byte ${position} bit ${bit}`).toBe(false);
        if (!check.ok) reasons.set(part, (reasons.get(part) ?? new Set()).add(check.reason));
      }
    }
    expect(Object.fromEntries([...reasons].map(([part, set]) => [part, [...set].sort()]))).toEqual({
      version: ['malformed'],
      keyIdLength: ['malformed'],
      keyId: expect.arrayContaining(['unknown-key']),
      voucherId: ['bad-signature'],
      expiry: ['bad-signature'],
      signature: ['bad-signature'],
    });
  });

  it('tells a key it does not hold from a signature by another key under the same id', () => {
    const foreign = signVoucherToken(
      { voucherId, expiresAt },
      new VoucherKeyRing(generateAppSecrets('k2').voucherSigning),
    );
    expect(verifyVoucherToken(foreign, ring)).toEqual({ ok: false, reason: 'bad-signature' });
    const elsewhere = signVoucherToken(
      { voucherId, expiresAt },
      new VoucherKeyRing(generateAppSecrets('k9').voucherSigning),
    );
    expect(verifyVoucherToken(elsewhere, ring)).toEqual({ ok: false, reason: 'unknown-key' });
  });
});
