// @ts-check
// The voucher QR token's layout: the server writes and reads it, the scanner reads it offline.
// Only the layout lives here; signing and verifying use each side's own crypto (Node's on the
// server, WebCrypto or @noble/ed25519 in the browser). docs/design.md, "Rules the browser shares
// with the server".
//
//   byte 0        version (1)
//   byte 1        key id length n, then n bytes of key id (ASCII)
//   next 16       voucher id (a ULID, as its 128-bit value)
//   next 4        expiry, Unix seconds, big-endian
//   last 64       Ed25519 signature over everything before it
//
// base64url-encoded, ~118 characters with a two-character key id: a version 7 QR at level M.

import { bytesToUlid, ulidToBytes } from './crockford.js';

export const TOKEN_VERSION = 1;
export const SIGNATURE_BYTES = 64;
const ULID_BYTES = 16;
const EXPIRY_BYTES = 4;

/** @typedef {Uint8Array<ArrayBuffer>} Bytes */

/**
 * A token taken apart: what it claims, the signed bytes and the signature. Nothing in it is
 * trusted until the signature is checked against one of our keys.
 * @typedef {{ keyId: string, voucherId: string, expiresAt: Date, body: Bytes, signature: Bytes }} ParsedToken
 */

/**
 * @param {string} text base64url, with or without padding
 * @returns {Bytes}
 */
export function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * @param {Uint8Array} bytes
 * @returns {string} base64url without padding
 */
export function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes a token's signature covers.
 * @param {{ keyId: string, voucherId: string, expiresAt: Date }} claims
 * @returns {Bytes}
 */
export function tokenBody({ keyId, voucherId, expiresAt }) {
  const body = new Uint8Array(2 + keyId.length + ULID_BYTES + EXPIRY_BYTES);
  body[0] = TOKEN_VERSION;
  body[1] = keyId.length;
  for (let i = 0; i < keyId.length; i++) body[2 + i] = keyId.charCodeAt(i);
  body.set(ulidToBytes(voucherId), 2 + keyId.length);
  new DataView(body.buffer).setUint32(2 + keyId.length + ULID_BYTES, Math.floor(expiresAt.getTime() / 1000));
  return body;
}

/**
 * The token's parts, or undefined when the text is no token of this layout (another QR code's
 * text, a token cut short or garbled). One token has one spelling: base64url decoders ignore
 * stray trailing characters, this does not.
 * @param {string} token
 * @returns {ParsedToken | undefined}
 */
export function parseToken(token) {
  if (!/^[A-Za-z0-9_-]{90,200}$/.test(token)) return undefined;
  // A length no base64 text has (4n + 1 symbols): atob throws on it, and it is no token of ours.
  if (token.length % 4 === 1) return undefined;
  const bytes = fromBase64Url(token);
  if (toBase64Url(bytes) !== token) return undefined;
  const keyIdLength = bytes[1] ?? 0;
  const bodyLength = 2 + keyIdLength + ULID_BYTES + EXPIRY_BYTES;
  if (bytes[0] !== TOKEN_VERSION || keyIdLength === 0 || bytes.length !== bodyLength + SIGNATURE_BYTES)
    return undefined;
  const idStart = 2 + keyIdLength;
  const expiry = new DataView(bytes.buffer, bytes.byteOffset + idStart + ULID_BYTES, EXPIRY_BYTES);
  return {
    keyId: String.fromCharCode(...bytes.subarray(2, idStart)),
    voucherId: bytesToUlid(bytes.subarray(idStart, idStart + ULID_BYTES)),
    expiresAt: new Date(expiry.getUint32(0) * 1000),
    body: bytes.slice(0, bodyLength),
    signature: bytes.slice(bodyLength),
  };
}
