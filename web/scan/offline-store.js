// What the scanner keeps on the phone for a day without network, in IndexedDB: the device's
// registration, its pack (keys, catalogue, its pool of vouchers), the outbox of handovers made
// offline, and every handover of this phone (own-handovers.js).
// Through idb (vendored, web/vendor/idb.js): promises instead of IndexedDB's request events, and
// transactions that commit when their promises settle; the plumbing is where offline bugs hide.
import { openDB } from '../vendor/idb.js';

/** @typedef {import('./own-handovers.js').OwnHandover} OwnHandover */

/**
 * This phone at one pickup point, registered once (POST /v1/devices). The secret only signs
 * records (HMAC); the volunteer's key stays the bearer credential.
 * @typedef {{
 *   pickupPointId: string,
 *   keyFingerprint: string,
 *   deviceId: string,
 *   secret: string,
 *   label: string,
 *   nextSequence: number,
 *   lastSyncAt?: string,
 *   signedOff?: boolean,
 * }} DeviceRecord
 */

/**
 * The pack's header, as last taken: everything but its vouchers, plus when it was taken.
 * @typedef {{
 *   deviceId: string,
 *   cursor: string,
 *   fetchedAt: string,
 *   generatedAt: string,
 *   offlineMode: 'pools' | 'detect' | 'online',
 *   offlineWindowHours: number,
 *   shelter: { id: string, name: string, timeZone: string },
 *   pickupPoint: { id: string, name: string },
 *   keys: import('./voucher-token.js').VoucherJwk[],
 *   catalogue: Array<{ itemId: string, name: string, nameKm?: string, unit: string }>,
 *   pool?: import('../common/api-types.js').DevicePack['pool'],
 * }} PackHeader `pool`: where the shelter's vouchers were at this pack (absent in packs stored before it existed).
 */

/**
 * A voucher this device may hand over offline, as long as its lease lasts.
 * @typedef {{
 *   id: string,
 *   shortCode: string,
 *   lines: Array<{ itemId: string, quantity: number }>,
 *   validFrom: string,
 *   validUntil: string,
 *   status: 'issued',
 *   leaseUntil: string,
 * }} PackVoucher
 */

/** @typedef {PackVoucher & { deviceId: string, code: string }} PoolVoucher `code`: the short code without dashes, for typed codes. */

/**
 * A handover in the outbox: the record as the server takes it, and what became of it.
 * `pending` until a sync answers; then the outcome stays, so the screen can tell it.
 * `code` (the short code, for the screen) stays on the phone: it is not part of the record sent.
 * @typedef {import('./record-hmac.js').OfflineRecord & {
 *   code: string,
 *   state: 'pending' | 'redeemed' | 'conflict' | 'rejected',
 *   reason?: string,
 *   message?: string,
 *   syncedAt?: string,
 * }} OutboxEntry
 */

/**
 * @typedef {{
 *   devices: { key: string, value: DeviceRecord },
 *   packs: { key: string, value: PackHeader },
 *   vouchers: { key: string, value: PoolVoucher, indexes: { byDevice: string, byCode: [string, string] } },
 *   outbox: {
 *     key: string,
 *     value: OutboxEntry,
 *     indexes: { byDevice: string, byVoucher: [string, string], byState: [string, string] },
 *   },
 *   handovers: { key: string, value: OwnHandover, indexes: { byCode: string } },
 * }} ScanDb
 */

const NAME = 'supplyline-scan';
/** 2: the `handovers` store (every handover of this phone, online ones included). */
const VERSION = 2;

/** @type {Promise<import('../vendor/idb.js').IDBPDatabase<ScanDb>> | undefined} */
let opened;

export function db() {
  opened ??= openDB(NAME, VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('devices', { keyPath: 'pickupPointId' });
        database.createObjectStore('packs', { keyPath: 'deviceId' });
        const vouchers = database.createObjectStore('vouchers', { keyPath: 'id' });
        vouchers.createIndex('byDevice', 'deviceId');
        vouchers.createIndex('byCode', ['deviceId', 'code']);
        const outbox = database.createObjectStore('outbox', { keyPath: 'clientRedemptionId' });
        outbox.createIndex('byDevice', 'deviceId');
        outbox.createIndex('byVoucher', ['deviceId', 'voucherId']);
        outbox.createIndex('byState', ['deviceId', 'state']);
      }
      if (oldVersion < 2) {
        const handovers = database.createObjectStore('handovers', { keyPath: 'voucherId' });
        handovers.createIndex('byCode', 'code');
        // What the phone handed over offline before this store existed is its own handover too.
        void transaction
          .objectStore('outbox')
          .getAll()
          .then((entries) => Promise.all(entries.map((entry) => handovers.put(offlineHandover(entry)))));
      }
    },
    // A newer scanner (another tab, after a deploy) needs the database: let go of it here; the
    // next use opens it again, upgraded.
    blocking() {
      void opened?.then((database) => database.close());
      opened = undefined;
    },
  });
  return opened;
}

/**
 * The handover an outbox record stands for.
 * @param {OutboxEntry} entry
 * @returns {OwnHandover}
 */
export function offlineHandover(entry) {
  return {
    voucherId: entry.voucherId,
    code: entry.code.replace(/-/g, ''),
    shortCode: entry.code,
    at: entry.deviceTime,
    pickupPointId: entry.pickupPointId,
    deviceId: entry.deviceId,
    clientRedemptionId: entry.clientRedemptionId,
  };
}

/**
 * Every device this phone registered for the key (one per pickup point it worked at).
 * @param {string} keyFingerprint
 */
export async function devicesOfKey(keyFingerprint) {
  return (await (await db()).getAll('devices')).filter((device) => device.keyFingerprint === keyFingerprint);
}

/** @param {string} pickupPointId */
export async function getDevice(pickupPointId) {
  return (await db()).get('devices', pickupPointId);
}

/** @param {DeviceRecord} device */
export async function putDevice(device) {
  await (await db()).put('devices', device);
}

/**
 * Changes a device record in one transaction (another tab may be changing it too).
 * @param {string} pickupPointId
 * @param {(device: DeviceRecord) => DeviceRecord} change
 */
export async function updateDevice(pickupPointId, change) {
  const tx = (await db()).transaction('devices', 'readwrite');
  const device = await tx.store.get(pickupPointId);
  if (device) await tx.store.put(change(device));
  await tx.done;
}

/** @param {string} deviceId */
export async function getPack(deviceId) {
  return (await db()).get('packs', deviceId);
}

/**
 * Stores a pack as the server sent it: a full pack replaces the pool, a delta changes it. A
 * voucher this phone handed over stays off the list, whatever the pack says: a pack built before
 * the handover reached the server (a slow link, a sync still to come) still names it.
 * @param {PackHeader} header
 * @param {{ full: boolean, vouchers: PackVoucher[], removed: Array<{ id: string }> }} changes
 */
export async function storePack(header, { full, vouchers, removed }) {
  const tx = (await db()).transaction(['packs', 'vouchers', 'handovers'], 'readwrite');
  const pool = tx.objectStore('vouchers');
  const handedHere = new Set(await tx.objectStore('handovers').getAllKeys());
  const writes = [];
  if (full) {
    for (const key of await pool.index('byDevice').getAllKeys(header.deviceId)) writes.push(pool.delete(key));
  }
  for (const { id } of removed) writes.push(pool.delete(id));
  for (const voucher of vouchers) {
    if (handedHere.has(voucher.id)) continue;
    writes.push(
      pool.put({ ...voucher, deviceId: header.deviceId, code: voucher.shortCode.replace(/-/g, '') }),
    );
  }
  writes.push(tx.objectStore('packs').put(header));
  await Promise.all([...writes, tx.done]);
}

/**
 * Forgets a device's pack and pool (the device was revoked): nothing can be handed over offline
 * from them any more. The outbox stays.
 * @param {string} deviceId
 */
export async function forgetPack(deviceId) {
  const tx = (await db()).transaction(['packs', 'vouchers'], 'readwrite');
  const pool = tx.objectStore('vouchers');
  const keys = await pool.index('byDevice').getAllKeys(deviceId);
  await Promise.all([
    ...keys.map((key) => pool.delete(key)),
    tx.objectStore('packs').delete(deviceId),
    tx.done,
  ]);
}

/**
 * Drops vouchers from the pool (handed back to another desk).
 * @param {string[]} ids
 */
export async function dropVouchers(ids) {
  const tx = (await db()).transaction('vouchers', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** @param {string} id */
export async function poolVoucher(id) {
  return (await db()).get('vouchers', id);
}

/**
 * @param {string} deviceId
 * @param {string} code normalised, without dashes
 */
export async function poolVoucherByCode(deviceId, code) {
  return (await db()).getFromIndex('vouchers', 'byCode', [deviceId, code]);
}

/** @param {string} deviceId */
export async function poolSize(deviceId) {
  return (await db()).countFromIndex('vouchers', 'byDevice', deviceId);
}

/**
 * How many vouchers of the device's list can still be handed over offline at `at` (ISO): their
 * lease and validity not run out. A list left unrefreshed past its window counts none.
 * @param {string} deviceId
 * @param {string} at
 */
export async function heldVoucherCount(deviceId, at) {
  const pool = await (await db()).getAllFromIndex('vouchers', 'byDevice', deviceId);
  return pool.filter((voucher) => voucher.leaseUntil > at && voucher.validUntil > at).length;
}

/**
 * @param {string} deviceId
 * @param {string} voucherId
 */
export async function outboxEntryFor(deviceId, voucherId) {
  return (await db()).getFromIndex('outbox', 'byVoucher', [deviceId, voucherId]);
}

/** @param {string} deviceId */
export async function pendingEntries(deviceId) {
  const entries = await (await db()).getAllFromIndex('outbox', 'byState', [deviceId, 'pending']);
  return entries.sort((a, b) => a.sequence - b.sequence);
}

/** @param {string} deviceId */
export async function countPending(deviceId) {
  return (await db()).countFromIndex('outbox', 'byState', [deviceId, 'pending']);
}

/** @param {string} clientRedemptionId */
export async function outboxEntry(clientRedemptionId) {
  return (await db()).get('outbox', clientRedemptionId);
}

/**
 * Sets what a sync said about each record.
 * @param {Array<{ clientRedemptionId: string, outcome: 'redeemed' | 'conflict' | 'rejected', reason?: string, message?: string }>} results
 * @param {string} syncedAt
 */
export async function settleEntries(results, syncedAt) {
  const tx = (await db()).transaction('outbox', 'readwrite');
  const writes = results.map(async (result) => {
    const entry = await tx.store.get(result.clientRedemptionId);
    if (entry === undefined || entry.state !== 'pending') return;
    /** @type {OutboxEntry} */
    const settled = { ...entry, state: result.outcome, syncedAt };
    if (result.reason !== undefined) settled.reason = result.reason;
    if (result.message !== undefined) settled.message = result.message;
    await tx.store.put(settled);
  });
  await Promise.all([...writes, tx.done]);
}

/**
 * The latest settled entries, newest first, for the list of what the last syncs said.
 * @param {string} deviceId
 * @param {number} limit
 */
export async function settledEntries(deviceId, limit) {
  const entries = await (await db()).getAllFromIndex('outbox', 'byDevice', deviceId);
  return entries
    .filter((entry) => entry.state !== 'pending')
    .sort((a, b) => b.sequence - a.sequence)
    .slice(0, limit);
}
