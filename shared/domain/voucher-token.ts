import { sign, verify } from 'node:crypto';
import { decodeTime, isValid } from 'ulid';
import type { VoucherKeyRing } from '../auth/voucher-signing-keys.js';

/**
 * The QR payload: a compact signed token, never data about a person.
 *
 *   byte 0        version (1)
 *   byte 1        key id length n, then n bytes of key id (ASCII)
 *   next 16       voucher id (a ULID, as its 128-bit value)
 *   next 4        expiry, Unix seconds, big-endian
 *   last 64       Ed25519 signature over everything before it
 *
 * base64url-encoded, ~118 characters with a two-character key id: a version 7 QR at level M.
 */
const VERSION = 1;
const SIGNATURE_BYTES = 64;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface TokenClaims {
  voucherId: string;
  expiresAt: Date;
  keyId: string;
}

/**
 * `malformed`: not a token of this layout (cut short, garbled, another QR code's text);
 * `unknown-key`: well-formed, but no key of ours has its key id; `bad-signature`: well-formed
 * under one of our keys, but the signature does not match.
 */
export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' };

function ulidToBytes(id: string): Buffer {
  let value = 0n;
  for (const char of id) value = value * 32n + BigInt(CROCKFORD.indexOf(char));
  return Buffer.from(value.toString(16).padStart(32, '0'), 'hex');
}

function bytesToUlid(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = (CROCKFORD[Number(value % 32n)] ?? '0') + id;
    value /= 32n;
  }
  return id;
}

export function signVoucherToken(claims: Omit<TokenClaims, 'keyId'>, keys: VoucherKeyRing): string {
  const keyId = keys.activeKeyId;
  const privateKey = keys.privateKey(keyId);
  if (privateKey === undefined || !isValid(claims.voucherId))
    throw new Error('cannot sign this voucher token');
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000));
  const body = Buffer.concat([
    Buffer.from([VERSION, keyId.length]),
    Buffer.from(keyId, 'ascii'),
    ulidToBytes(claims.voucherId),
    expiry,
  ]);
  return Buffer.concat([body, sign(null, body, privateKey)]).toString('base64url');
}

/** Checks shape and signature only; whether the voucher is still good is the store's business. */
export function verifyVoucherToken(token: string, keys: VoucherKeyRing): TokenCheck {
  if (!/^[A-Za-z0-9_-]{90,200}$/.test(token)) return { ok: false, reason: 'malformed' };
  const bytes = Buffer.from(token, 'base64url');
  // One token, one spelling: base64url decoding ignores stray trailing characters, we do not.
  if (bytes.toString('base64url') !== token) return { ok: false, reason: 'malformed' };
  const keyIdLength = bytes[1] ?? 0;
  const bodyLength = 2 + keyIdLength + 16 + 4;
  if (bytes[0] !== VERSION || keyIdLength === 0 || bytes.length !== bodyLength + SIGNATURE_BYTES) {
    return { ok: false, reason: 'malformed' };
  }
  const keyId = bytes.subarray(2, 2 + keyIdLength).toString('ascii');
  const publicKey = keys.publicKey(keyId);
  if (publicKey === undefined) return { ok: false, reason: 'unknown-key' };
  const body = bytes.subarray(0, bodyLength);
  if (!verify(null, body, publicKey, bytes.subarray(bodyLength)))
    return { ok: false, reason: 'bad-signature' };
  const voucherId = bytesToUlid(bytes.subarray(2 + keyIdLength, 2 + keyIdLength + 16));
  const expiresAt = new Date(bytes.readUInt32BE(2 + keyIdLength + 16) * 1000);
  // A signature over a non-ULID id means a bug in signing, not a client error; refuse it all the same.
  if (!isValid(voucherId) || Number.isNaN(decodeTime(voucherId))) return { ok: false, reason: 'malformed' };
  return { ok: true, claims: { voucherId, expiresAt, keyId } };
}
