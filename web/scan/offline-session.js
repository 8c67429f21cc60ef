// The scanner's offline state at one pickup point: this device, its pack, the sync loop, and the
// status line that tells the volunteer where things stand.
import { ApiError, NetworkError } from '../common/api.js';
import { $ } from '../common/dom.js';
import { formatClock, setTimeZone, t } from '../common/i18n.js';
import {
  DeviceRevokedError,
  ensureDevice,
  keyFingerprint,
  offlineCapable,
  refreshPack,
  syncOutbox,
} from './device-sync.js';
import { countPending, devicesOfKey, getDevice, getPack, settledEntries } from './offline-store.js';
import { poolStatusText, renderPoolWarning, vouchersHeldHere } from './pool-status.js';

/** @typedef {import('./offline-store.js').DeviceRecord} DeviceRecord */
/** @typedef {import('./offline-store.js').PackHeader} PackHeader */
/** @typedef {import('./offline-store.js').OutboxEntry} OutboxEntry */

/** Refresh the pack and send the outbox this often while online (the server asks for hand-backs within a minute). */
const REFRESH_MS = 30_000;
/** How many settled handovers the list under the scanner shows. */
const OUTCOMES_SHOWN = 5;

/**
 * @typedef {{ key: string, device: DeviceRecord, pack: PackHeader | undefined }} OfflineState
 */

/** @type {OfflineState | undefined} */
let state;
/** @type {ReturnType<typeof setInterval> | undefined} */
let timer;
/** @type {Promise<void> | undefined} */
let running;
/** @type {Promise<void> | undefined} the outbox being sent */
let sending;
/** A handover was recorded while the outbox was being sent: send again right after. */
let sendAgain = false;
/** @type {Array<(entries: OutboxEntry[]) => void>} */
const listeners = [];
/** @type {() => void} */
let keyRefused = () => {};

/** The device and pack in use, when there are. */
export function current() {
  return state;
}

/**
 * Told the settled entries after each sync that settled some.
 * @param {(entries: OutboxEntry[]) => void} listener
 */
export function onSettled(listener) {
  listeners.push(listener);
}

/**
 * Told when a round finds the key refused (revoked): an idle phone learns it within a round.
 * @param {() => void} listener
 */
export function onKeyRefused(listener) {
  keyRefused = listener;
}

/** A 401 ends the loop and signs out. */
function refused(/** @type {unknown} */ err) {
  if (!(err instanceof ApiError && err.status === 401)) return false;
  stop();
  keyRefused();
  return true;
}

/**
 * Online at a pickup point: register (once), take the pack, start the loop. A server without the
 * device routes, or a plain-HTTP address, leaves the scanner online-only, as it was.
 * @param {string} key
 * @param {{ id: string, name: string }} point
 */
export async function startAt(key, point) {
  stop();
  if (!offlineCapable()) return renderStatus();
  try {
    const device = await ensureDevice(key, point);
    state = { key, device, pack: await getPack(device.deviceId) };
    if (state.pack) setTimeZone(state.pack.shelter.timeZone);
    start();
    await tick();
  } catch {
    // Stays online-only until the next start: the status line says "no offline list".
  }
  renderStatus();
}

/**
 * Start-up with no network: the saved key's device and pack at the remembered pickup point, or
 * undefined when this phone has none (it must go online once).
 * @param {string} key
 * @param {string} pickupPointId
 * @returns {Promise<OfflineState | undefined>}
 */
export async function resume(key, pickupPointId) {
  if (!offlineCapable()) return undefined;
  const device = await getDevice(pickupPointId);
  if (device === undefined || device.signedOff || device.keyFingerprint !== (await keyFingerprint(key)))
    return undefined;
  const pack = await getPack(device.deviceId);
  if (pack === undefined) return undefined;
  setTimeZone(pack.shelter.timeZone);
  state = { key, device, pack };
  start();
  renderStatus();
  return state;
}

function start() {
  timer = setInterval(() => void tick(), REFRESH_MS);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', renderStatus);
}

function onOnline() {
  renderStatus();
  void tick();
}

/** Ends the loop (sign-out, another pickup point). */
export function stop() {
  clearInterval(timer);
  window.removeEventListener('online', onOnline);
  window.removeEventListener('offline', renderStatus);
  state = undefined;
}

/**
 * One round, one at a time: send the outbox, then take the pack (so that vouchers handed over here
 * leave it). Offline, it simply waits for the next round.
 */
export function tick() {
  running ??= round().finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * Sends the outbox now: a handover just recorded is confirmed at once, not at the next round.
 * Sends never overlap; one asked for while another runs follows it straight away, and a pack
 * still downloading (a slow link) does not hold it back.
 */
export function sendNow() {
  if (sending) {
    sendAgain = true;
    return sending;
  }
  sending = (async () => {
    do {
      sendAgain = false;
      await send();
    } while (sendAgain);
  })().finally(() => {
    sending = undefined;
  });
  return sending;
}

async function round() {
  const mine = state;
  if (mine === undefined || !navigator.onLine) return renderStatus();
  await sendNow();
  // Signed out or moved desks meanwhile: a pack now would take that device's vouchers back.
  if (state !== mine) return;
  try {
    mine.pack = await refreshPack(mine.key, mine.device);
    setTimeZone(mine.pack.shelter.timeZone);
  } catch (err) {
    if (err instanceof DeviceRevokedError) mine.pack = undefined;
    else if (refused(err)) return;
    else if (!(err instanceof NetworkError)) console.warn('offline sync', err);
  }
  await renderStatus();
}

/** What waits in the outbox, sent; each outcome stored and told to the listeners. */
async function send() {
  const mine = state;
  if (mine === undefined || !navigator.onLine) return;
  try {
    // Handovers made at another pickup point earlier (the volunteer moved desks) are sent too.
    for (const other of await devicesOfKey(mine.device.keyFingerprint)) {
      if (other.deviceId !== mine.device.deviceId && (await countPending(other.deviceId)) > 0)
        await syncOutbox(mine.key, other);
    }
    const results = await syncOutbox(mine.key, mine.device);
    const device = await getDevice(mine.device.pickupPointId);
    if (device) mine.device = device;
    if (results.length > 0) {
      const settled = await settledEntries(mine.device.deviceId, OUTCOMES_SHOWN);
      for (const listener of listeners) listener(settled);
    }
  } catch (err) {
    if (refused(err)) return;
    if (!(err instanceof NetworkError)) console.warn('offline sync', err);
  }
  await renderStatus();
}

/**
 * Handovers of this key waiting on this phone, at every pickup point it worked at.
 * @param {string} keyFingerprint
 */
export async function waitingToSync(keyFingerprint) {
  let waiting = 0;
  for (const device of await devicesOfKey(keyFingerprint)) waiting += await countPending(device.deviceId);
  return waiting;
}

/**
 * @param {number} ms
 */
function age(ms) {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('age.now');
  if (minutes < 120) return t('age.minutes', { n: minutes });
  return t('age.hours', { n: Math.floor(minutes / 60) });
}

/** Online or offline, the list's age and size, how many handovers wait, the last sync. */
export async function renderStatus() {
  const line = $('status-line');
  const online = navigator.onLine;
  const waiting = state ? await waitingToSync(state.device.keyFingerprint) : 0;
  const parts = [t(online ? 'status.online' : 'status.offline')];
  const pack = state?.pack;
  const held = state && pack ? await vouchersHeldHere(state.device.deviceId) : 0;
  parts.push(
    pack ? t('status.listAge', { age: age(Date.now() - Date.parse(pack.fetchedAt)) }) : t('status.noList'),
  );
  if (pack) parts.push(poolStatusText(pack, held));
  parts.push(t('status.waiting', { count: waiting }));
  const lastSync = state?.device.lastSyncAt;
  parts.push(lastSync ? t('status.lastSync', { time: formatClock(lastSync) }) : t('status.neverSynced'));
  line.textContent = parts.join(' · ');
  line.dataset.online = String(online);
  line.dataset.waiting = String(waiting);
  line.dataset.pack = pack ? 'yes' : 'no';
  line.dataset.held = String(held);
  line.hidden = false;
  renderPoolWarning(pack, held);
}

/**
 * The list under the scanner of what the last sync said about handovers made offline.
 * @param {OutboxEntry[]} entries
 */
export function renderOutcomes(entries) {
  const list = $('sync-outcomes');
  list.replaceChildren(
    ...entries.map((entry) => {
      const li = document.createElement('li');
      li.dataset.outcome = entry.state;
      li.textContent = `${entry.code} · ${formatClock(entry.deviceTime)} · ${t(
        entry.state === 'redeemed'
          ? 'sync.redeemed'
          : entry.state === 'conflict'
            ? 'sync.conflict'
            : 'sync.rejected',
      )}`;
      return li;
    }),
  );
  $('sync-outcomes-box').hidden = entries.length === 0;
  $('sync-conflict-help').hidden = !entries.some((entry) => entry.state === 'conflict');
}
