// The scanner's side of offline distribution, online: register this phone at its pickup point,
// take its pack (keys, catalogue, its pool of vouchers), hand vouchers back when asked, and send
// the outbox. Every call is safe to repeat: the outbox is idempotent by clientRedemptionId.
import { ApiError, apiCall, newIdempotencyKey } from '../common/api.js';
import {
  countPending,
  dropVouchers,
  forgetPack,
  getDevice,
  getPack,
  pendingEntries,
  putDevice,
  settleEntries,
  storePack,
  updateDevice,
} from './offline-store.js';
import { ownHandover } from './own-handovers.js';

/** @typedef {import('./offline-store.js').DeviceRecord} DeviceRecord */
/** @typedef {import('./offline-store.js').PackHeader} PackHeader */
/** @typedef {import('./offline-store.js').PackVoucher} PackVoucher */

/** GET /v1/devices/{id}/pack, typed from the server's own schema. */
/** @typedef {import('../common/api-types.js').DevicePack} Pack */
/** One record's answer from POST /v1/devices/{id}/sync. */
/** @typedef {import('../common/api-types.js').SyncResult} SyncResult */

/** The pack was refused: this device is revoked. */
export class DeviceRevokedError extends Error {}

/** The most records one sync call takes. */
const SYNC_BATCH = 500;

/**
 * Offline work needs WebCrypto (HMAC, SHA-256) and IndexedDB: a secure context (HTTPS or
 * localhost). On a plain-HTTP LAN address the scanner stays online-only.
 */
export function offlineCapable() {
  return (
    globalThis.isSecureContext === true && typeof indexedDB !== 'undefined' && crypto.subtle !== undefined
  );
}

/**
 * Which key a device record belongs to, without keeping the key a second time.
 * @param {string} key
 */
export async function keyFingerprint(key) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest).subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This phone's registration at the pickup point, made once (and again only for another key).
 * @param {string} key
 * @param {{ id: string, name: string }} point
 * @returns {Promise<DeviceRecord>}
 */
export async function ensureDevice(key, point) {
  const fingerprint = await keyFingerprint(key);
  const known = await getDevice(point.id);
  if (known && known.keyFingerprint === fingerprint && !known.signedOff) return known;
  // A record still waiting under an older registration must not be lost: keep that device.
  if (known && (await countPending(known.deviceId)) > 0 && known.keyFingerprint === fingerprint) return known;
  const label = `${point.name} · ${newIdempotencyKey().slice(0, 4).toUpperCase()}`;
  const created = await apiCall(key, 'POST', '/v1/devices', {
    body: { pickupPointId: point.id, label },
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  /** @type {DeviceRecord} */
  const device = {
    pickupPointId: point.id,
    keyFingerprint: fingerprint,
    deviceId: created.id,
    secret: created.secret,
    label: created.label,
    nextSequence: 1,
  };
  await putDevice(device);
  return device;
}

/**
 * Takes the pack (a delta after the first), stores it, and hands back what other desks asked
 * for and this phone has not handed over.
 * @param {string} key
 * @param {DeviceRecord} device
 * @returns {Promise<PackHeader>}
 */
export async function refreshPack(key, device) {
  const previous = await getPack(device.deviceId);
  /** @type {Pack} */
  let pack;
  try {
    pack = await apiCall(key, 'GET', '/v1/devices/{id}/pack', {
      path: { id: device.deviceId },
      query: { since: previous?.cursor },
      timeoutMs: 60_000,
    });
  } catch (err) {
    // Revoked (a phone reported lost): its list may hand nothing over any more. Its records were
    // sent just before (they become conflicts); the next sign-in registers the phone anew.
    if (err instanceof ApiError && err.status === 409 && err.problem.deviceStatus === 'revoked') {
      await forgetPack(device.deviceId);
      await updateDevice(device.pickupPointId, (current) => ({ ...current, signedOff: true }));
      throw new DeviceRevokedError();
    }
    throw err;
  }
  /** @type {PackHeader} */
  const header = {
    deviceId: pack.deviceId,
    cursor: pack.cursor,
    fetchedAt: new Date().toISOString(),
    generatedAt: pack.generatedAt,
    offlineMode: pack.offlineMode,
    offlineWindowHours: pack.offlineWindowHours,
    shelter: pack.shelter,
    pickupPoint: pack.pickupPoint,
    keys: pack.keys,
    catalogue: pack.catalogue,
    pool: pack.pool,
  };
  await storePack(header, { full: pack.full, vouchers: pack.vouchers, removed: pack.removed });
  await handBack(key, device, pack.handBackRequested ?? []);
  return header;
}

/**
 * @param {string} key
 * @param {DeviceRecord} device
 * @param {string[]} requested
 */
async function handBack(key, device, requested) {
  if (requested.length === 0) return;
  const handedOverHere = await Promise.all(requested.map((id) => ownHandover(id)));
  // One handed over here is not given back: its record reaches the server at the next sync (or
  // did, online, and the voucher is redeemed).
  const giveBack = requested.filter((_, i) => handedOverHere[i] === undefined);
  if (giveBack.length === 0) return;
  await dropVouchers(giveBack);
  for (let start = 0; start < giveBack.length; start += 500) {
    await apiCall(key, 'POST', '/v1/devices/{id}/hand-back', {
      path: { id: device.deviceId },
      body: { voucherIds: giveBack.slice(start, start + 500) },
    });
  }
}

/**
 * Sends every pending record, oldest first, in batches the server takes; each answer is stored
 * as soon as it comes. A cut-off sync leaves the rest pending, to be sent again.
 * @param {string} key
 * @param {DeviceRecord} device
 * @returns {Promise<SyncResult[]>}
 */
export async function syncOutbox(key, device) {
  const pending = await pendingEntries(device.deviceId);
  /** @type {SyncResult[]} */
  const all = [];
  for (let start = 0; start < pending.length; start += SYNC_BATCH) {
    const records = pending
      .slice(start, start + SYNC_BATCH)
      .map(
        ({ clientRedemptionId, deviceId, voucherId, pickupPointId, lines, deviceTime, sequence, hmac }) => ({
          clientRedemptionId,
          deviceId,
          voucherId,
          pickupPointId,
          lines,
          deviceTime,
          sequence,
          hmac,
        }),
      );
    const answer = await apiCall(key, 'POST', '/v1/devices/{id}/sync', {
      path: { id: device.deviceId },
      body: { records },
      timeoutMs: 60_000,
    });
    await settleEntries(answer.results, answer.syncedAt);
    all.push(...answer.results);
  }
  await updateDevice(device.pickupPointId, (current) => ({
    ...current,
    lastSyncAt: new Date().toISOString(),
  }));
  return all;
}

/**
 * End of the day at this point: sync first (nothing handed over may be lost), then give the
 * whole pool back so other desks can take it.
 * @param {string} key
 * @param {DeviceRecord} device
 */
export async function signOffDevice(key, device) {
  await syncOutbox(key, device);
  if ((await countPending(device.deviceId)) > 0) throw new Error('records still wait to sync');
  await apiCall(key, 'POST', '/v1/devices/{id}/sign-off', {
    path: { id: device.deviceId },
    body: {},
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  await updateDevice(device.pickupPointId, (current) => ({ ...current, signedOff: true }));
}
