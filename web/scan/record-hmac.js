// The HMAC that makes an offline handover record this device's own (docs/design.md, "Offline
// scanning"): the server recomputes it at sync and rejects a record it does not match.
import { fromBase64Url, toBase64Url } from './voucher-token.js';

/** A handover recorded offline, as POST /v1/devices/{id}/sync takes it (the server's schema). */
/** @typedef {import('../common/api-types.js').OfflineRecord} OfflineRecord */

/**
 * The exact text signed: a JSON array, so that no field can run into the next.
 * @param {Omit<OfflineRecord, 'hmac'>} record
 */
export function canonicalRecord(record) {
  return JSON.stringify([
    record.deviceId,
    record.clientRedemptionId,
    record.sequence,
    record.voucherId,
    record.pickupPointId,
    record.deviceTime,
    record.lines.map((line) => [line.itemId, line.quantity]),
  ]);
}

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
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(canonicalRecord(record)));
  return toBase64Url(new Uint8Array(mac));
}
