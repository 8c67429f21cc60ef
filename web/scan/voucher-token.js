// The voucher QR token, read and checked in the browser as shared/domain/voucher-token.ts writes
// it, so that a phone with no network can tell a Supplyline voucher from a forged one.
//
//   byte 0        version (1)
//   byte 1        key id length n, then n bytes of key id (ASCII)
//   next 16       voucher id (a ULID, as its 128-bit value)
//   next 4        expiry, Unix seconds, big-endian
//   last 64       Ed25519 signature over everything before it

const VERSION = 1;
const SIGNATURE_BYTES = 64;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** @typedef {Uint8Array<ArrayBuffer>} Bytes */

/**
 * A token taken apart; nothing about it is trusted until `verifyToken` says so.
 * @typedef {{ keyId: string, voucherId: string, expiresAt: Date, body: Bytes, signature: Bytes }} ParsedToken
 */

/** One public key of the pack (a JWK as GET /v1/voucher-keys serves it). */
/** @typedef {{ kid: string, kty: string, crv: string, x: string }} VoucherJwk */

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

/** @param {Uint8Array} bytes 16 bytes */
function bytesToUlid(bytes) {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let id = '';
  for (let i = 0; i < 26; i++) {
    id = (CROCKFORD[Number(value % 32n)] ?? '0') + id;
    value /= 32n;
  }
  return id;
}

/**
 * The token's parts, or undefined when the text is no token of this layout (another QR code,
 * a token cut short). The same checks as the server's, so both refuse the same texts.
 * @param {string} token
 * @returns {ParsedToken | undefined}
 */
export function parseToken(token) {
  if (!/^[A-Za-z0-9_-]{90,200}$/.test(token)) return undefined;
  const bytes = fromBase64Url(token);
  // One token, one spelling, as on the server.
  if (toBase64Url(bytes) !== token) return undefined;
  const keyIdLength = bytes[1] ?? 0;
  const bodyLength = 2 + keyIdLength + 16 + 4;
  if (bytes[0] !== VERSION || keyIdLength === 0 || bytes.length !== bodyLength + SIGNATURE_BYTES)
    return undefined;
  const keyId = String.fromCharCode(...bytes.subarray(2, 2 + keyIdLength));
  const voucherId = bytesToUlid(bytes.subarray(2 + keyIdLength, 2 + keyIdLength + 16));
  const view = new DataView(bytes.buffer, bytes.byteOffset + 2 + keyIdLength + 16, 4);
  const expiresAt = new Date(view.getUint32(0) * 1000);
  return {
    keyId,
    voucherId,
    expiresAt,
    body: bytes.slice(0, bodyLength),
    signature: bytes.slice(bodyLength),
  };
}

/**
 * Ed25519 verification: the browser's own WebCrypto where it has Ed25519 (Chromium 137+, Firefox
 * 129+, Safari 17+), else @noble/ed25519 (audited, 5 KB), loaded only on such a browser.
 * @typedef {(publicKey: Bytes, signature: Bytes, message: Bytes) => Promise<boolean>} Ed25519Verify
 */

/** @type {Ed25519Verify} */
async function webCryptoVerify(publicKey, signature, message) {
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
}

/** @type {Promise<Ed25519Verify> | undefined} */
let chosen;

/** @returns {Promise<Ed25519Verify>} */
async function chooseVerifier() {
  try {
    // A known-bad signature under a valid key: a browser with Ed25519 answers false, one without throws.
    const probeKey = fromBase64Url('9z0SJLsp9U_QhG8Y2FnckvLnPSkBRH0bqM_PQdMQ9WY');
    await webCryptoVerify(probeKey, new Uint8Array(64), new Uint8Array(1));
    return webCryptoVerify;
  } catch {
    const noble = await import('../vendor/noble-ed25519.js');
    return (publicKey, signature, message) => noble.verifyAsync(signature, message, publicKey);
  }
}

/**
 * Whether `parsed` is signed by one of `keys`. `unknown-key` and `bad-signature` are what the
 * server calls forged and tampered.
 * @param {ParsedToken} parsed
 * @param {VoucherJwk[]} keys
 * @returns {Promise<'ok' | 'unknown-key' | 'bad-signature'>}
 */
export async function verifyToken(parsed, keys) {
  const jwk = keys.find((key) => key.kid === parsed.keyId && key.kty === 'OKP' && key.crv === 'Ed25519');
  if (jwk === undefined) return 'unknown-key';
  chosen ??= chooseVerifier();
  const verify = await chosen;
  try {
    return (await verify(fromBase64Url(jwk.x), parsed.signature, parsed.body)) ? 'ok' : 'bad-signature';
  } catch {
    return 'bad-signature';
  }
}
