import { sign, verify } from 'node:crypto';
import { decodeTime, isValid } from 'ulid';
import type { VoucherKeyRing } from '../auth/voucher-signing-keys.js';

import { parseToken, tokenBody } from '../rules/voucher-token.js';

/**
 * The QR payload: a compact signed token, never data about a person. Its layout (version, key
 * id, voucher id, expiry, Ed25519 signature; base64url) is a rule the scanner shares:
 * shared/rules/voucher-token.js. Signing and verifying with our keys are the server's.
 */
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

export function signVoucherToken(claims: Omit<TokenClaims, 'keyId'>, keys: VoucherKeyRing): string {
  const keyId = keys.activeKeyId;
  const privateKey = keys.privateKey(keyId);
  if (privateKey === undefined || !isValid(claims.voucherId))
    throw new Error('cannot sign this voucher token');
  const body = tokenBody({ keyId, ...claims });
  return Buffer.concat([body, sign(null, body, privateKey)]).toString('base64url');
}

/** Checks shape and signature only; whether the voucher is still good is the store's business. */
export function verifyVoucherToken(token: string, keys: VoucherKeyRing): TokenCheck {
  const parsed = parseToken(token);
  if (parsed === undefined) return { ok: false, reason: 'malformed' };
  const { keyId, voucherId, expiresAt } = parsed;
  const publicKey = keys.publicKey(keyId);
  if (publicKey === undefined) return { ok: false, reason: 'unknown-key' };
  if (!verify(null, parsed.body, publicKey, parsed.signature)) return { ok: false, reason: 'bad-signature' };
  // A signature over a non-ULID id means a bug in signing, not a client error; refuse it all the same.
  if (!isValid(voucherId) || Number.isNaN(decodeTime(voucherId))) return { ok: false, reason: 'malformed' };
  return { ok: true, claims: { voucherId, expiresAt, keyId } };
}
