// "Handed over" with no server: the record goes into the outbox, signed, before the screen says
// anything; only then does the volunteer see "Handed over, will sync".
import { CROCKFORD } from '../../shared/rules/crockford.js';
import { appendHandover } from './own-handovers.js';
import { recordHmac } from './record-hmac.js';

/** @typedef {import('./offline-store.js').DeviceRecord} DeviceRecord */
/** @typedef {import('./offline-store.js').PoolVoucher} PoolVoucher */
/** @typedef {import('./offline-store.js').OutboxEntry} OutboxEntry */
/** @typedef {import('./own-handovers.js').OwnHandover} OwnHandover */

/**
 * A ULID: 48 bits of milliseconds, then 80 random bits, in Crockford base32. Sortable by time,
 * unique across phones without asking anyone.
 * @param {number} [now]
 */
export function newUlid(now = Date.now()) {
  let time = '';
  let ms = now;
  for (let i = 0; i < 10; i++) {
    time = (CROCKFORD[ms % 32] ?? '0') + time;
    ms = Math.floor(ms / 32);
  }
  const random = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => CROCKFORD[byte & 31]).join(
    '',
  );
  return time + random;
}

/**
 * Records the handover of `voucher` by this device. Resolves once the record is in IndexedDB;
 * `fresh` is false when this phone had handed that voucher over already: that handover is
 * returned, with its outbox record when it was made offline (`entry`).
 * @param {DeviceRecord} device
 * @param {PoolVoucher} voucher
 * @param {Date} [now]
 * @returns {Promise<{ entry: OutboxEntry | undefined, handover: OwnHandover, fresh: boolean }>}
 */
export function recordHandover(device, voucher, now = new Date()) {
  const clientRedemptionId = newUlid(now.getTime());
  const deviceTime = now.toISOString();
  return appendHandover(device.pickupPointId, voucher.shortCode, async (sequence) => {
    const unsigned = {
      clientRedemptionId,
      deviceId: device.deviceId,
      voucherId: voucher.id,
      pickupPointId: device.pickupPointId,
      lines: voucher.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
      deviceTime,
      sequence,
    };
    return { ...unsigned, hmac: await recordHmac(device.secret, unsigned) };
  });
}
