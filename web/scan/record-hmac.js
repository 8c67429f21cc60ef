// The HMAC that makes an offline handover record this device's own (docs/design.md, "The scanner
// offline"): the server recomputes it at sync over the same text, made by the same module
// (shared/rules/offline-record.js), and rejects a record it does not match.
import { offlineRecordMessage } from '../../shared/rules/offline-record.js';
import { fromBase64Url, toBase64Url } from '../../shared/rules/voucher-token.js';

/** A handover recorded offline, as POST /v1/devices/{id}/sync takes it (the server's schema). */
/** @typedef {import('../common/api-types.js').OfflineRecord} OfflineRecord */

/**
 * HMAC-SHA256 under the device secret (base64url of its 32 bytes), base64url without padding.
 * @param {string} secret
 * @param {Omit<OfflineRecord, 'hmac'>} record
 * @returns {Promise<string>}
 */
export async function recordHmac(secret, record) {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64Url(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(offlineRecordMessage(record)));
  return toBase64Url(new Uint8Array(mac));
}
