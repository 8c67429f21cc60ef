// This phone's own handovers, online and offline, on the phone itself (IndexedDB, the
// `handovers` store): written before the screen says "Handed over", kept across reloads, restarts
// and packs that come later. A re-scan of one says "handed over here", never "hand over" and
// never "already redeemed"; a pack cannot put one back on the list (offline-store.js storePack).
import { db, offlineHandover } from './offline-store.js';

/** @typedef {import('./offline-store.js').OutboxEntry} OutboxEntry */

/**
 * A handover this phone made, online or offline, kept for as long as the phone keeps its data.
 * `clientRedemptionId`: an offline handover's record in the outbox, where its sync outcome is.
 * `deviceId`: the registration it was made under, when the phone had one. `code`: the short code
 * without dashes, for typed codes; `shortCode` as printed. Nothing personal, as in the pack.
 * @typedef {{
 *   voucherId: string,
 *   code: string,
 *   shortCode: string,
 *   at: string,
 *   pickupPointId: string,
 *   deviceId?: string,
 *   clientRedemptionId?: string,
 * }} OwnHandover
 */

/**
 * A handover the server confirmed (online, or a redemption it says this phone made): kept, and
 * the voucher taken off the list, in one transaction. A handover already kept stays as it is.
 * @param {OwnHandover} handover
 * @returns {Promise<OwnHandover>} the handover as kept
 */
export async function keepHandover(handover) {
  const tx = (await db()).transaction(['handovers', 'vouchers'], 'readwrite');
  const handovers = tx.objectStore('handovers');
  const kept = await handovers.get(handover.voucherId);
  if (kept === undefined) void handovers.add(handover);
  void tx.objectStore('vouchers').delete(handover.voucherId);
  await tx.done;
  return kept ?? handover;
}

/** @param {string} voucherId */
export async function ownHandover(voucherId) {
  return (await db()).get('handovers', voucherId);
}

/** @param {string} code normalised, without dashes */
export async function ownHandoverByCode(code) {
  return (await db()).getFromIndex('handovers', 'byCode', code);
}

/** Every device id this phone registered (any key, any pickup point): "this phone", to the server. */
export async function phoneDeviceIds() {
  return new Set((await (await db()).getAll('devices')).map((device) => device.deviceId));
}

/**
 * Writes a signed handover with the phone's own record of it, and takes the voucher off the
 * list, in one transaction; unless this phone handed the voucher over already (another tab, a
 * double tap, online a moment ago): then that handover is the answer, with its outbox record if
 * it has one. The sequence was read before signing (HMAC is asynchronous, and IndexedDB commits
 * a transaction that waits on anything else), so the write checks it is still the next one; if
 * another tab took it, `sign` runs again with the next.
 * @param {string} pickupPointId
 * @param {string} code the voucher's short code, kept beside the record for the screen
 * @param {(sequence: number) => Promise<import('./record-hmac.js').OfflineRecord>} sign
 * @returns {Promise<{ entry: OutboxEntry | undefined, handover: OwnHandover, fresh: boolean }>}
 */
export async function appendHandover(pickupPointId, code, sign) {
  const database = await db();
  for (;;) {
    const device = await database.get('devices', pickupPointId);
    if (device === undefined) throw new Error('this device is not registered at this pickup point');
    const record = await sign(device.nextSequence);
    const tx = database.transaction(['devices', 'outbox', 'handovers', 'vouchers'], 'readwrite');
    const devices = tx.objectStore('devices');
    const outbox = tx.objectStore('outbox');
    const handovers = tx.objectStore('handovers');
    const [current, existing] = await Promise.all([
      devices.get(pickupPointId),
      handovers.get(record.voucherId),
    ]);
    if (existing) {
      const entry = existing.clientRedemptionId ? await outbox.get(existing.clientRedemptionId) : undefined;
      await tx.done;
      return { entry, handover: existing, fresh: false };
    }
    if (current === undefined || current.nextSequence !== record.sequence) {
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    /** @type {OutboxEntry} */
    const entry = { ...record, code, state: 'pending' };
    const handover = offlineHandover(entry);
    await Promise.all([
      outbox.add(entry),
      handovers.add(handover),
      tx.objectStore('vouchers').delete(record.voucherId),
      devices.put({ ...current, nextSequence: current.nextSequence + 1 }),
      tx.done,
    ]);
    return { entry, handover, fresh: true };
  }
}
