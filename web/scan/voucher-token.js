// Whether a voucher token is signed by one of the pack's keys, checked in the browser so that a
// phone with no network can tell a Supplyline voucher from a forged one. The token's layout is
// the server's own module (shared/rules/voucher-token.js); only the signature check is the
// browser's, with its own crypto.

import { fromBase64Url } from '../../shared/rules/voucher-token.js';

/** @typedef {import('../../shared/rules/voucher-token.js').Bytes} Bytes */
/** @typedef {import('../../shared/rules/voucher-token.js').ParsedToken} ParsedToken */

/** One public key of the pack (a JWK as GET /v1/voucher-keys serves it). */
/** @typedef {{ kid: string, kty: string, crv: string, x: string }} VoucherJwk */

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
 * Whether `parsed` (shared/rules/voucher-token.js `parseToken`) is signed by one of `keys`.
 * `unknown-key` and `bad-signature` are what the server calls forged and tampered.
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
