// @ts-check
// What an offline handover record's HMAC covers: the scanner signs it with the device secret
// (WebCrypto), the server recomputes it at sync (Node's crypto) and rejects a record it does not
// match. docs/design.md, "Rules the browser shares with the server".

/**
 * The fields of a record that are signed, as POST /v1/devices/{id}/sync takes them.
 * @typedef {{
 *   deviceId: string,
 *   clientRedemptionId: string,
 *   sequence: number,
 *   voucherId: string,
 *   pickupPointId: string,
 *   deviceTime: string,
 *   lines: ReadonlyArray<{ itemId: string, quantity: number }>,
 * }} SignedRecordFields
 */

/**
 * The exact text signed: a JSON array, so that no field can run into the next.
 * @param {SignedRecordFields} record
 * @returns {string}
 */
export function offlineRecordMessage(record) {
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
