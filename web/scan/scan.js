// The volunteer scanner: sign in, pick a pickup point, scan or type a voucher, hand over, confirm.
// It shows only what to hand over: the API never sends a volunteer any beneficiary data.
import { ApiError, api, getAll, NetworkError, newIdempotencyKey, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { startCamera } from './camera.js';
import { signOffDevice } from './device-sync.js';
import { checkLocally, viewOfPooled } from './offline-check.js';
import { recordHandover } from './offline-handover.js';
import * as offline from './offline-session.js';
import { outboxEntry, outboxEntryFor } from './offline-store.js';
import { outcomeOfCheck, outcomeOfRefusal } from './outcome.js';
import { redeemVoucher, verifyVoucher } from './redeem.js';
import { parseShortCode } from './short-code.js';
import { registerServiceWorker } from './sw-register.js';
import { renderVoucher } from './voucher-screen.js';
import { parseToken } from './voucher-token.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').KeyScope} KeyScope */
/** @typedef {import('../common/api-types.js').Me} Me */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */
/** @typedef {import('../common/i18n.js').MessageKey} MessageKey */
/** @typedef {import('./outcome.js').Outcome} Outcome */

/** @typedef {Pick<PickupPoint, 'id' | 'shelterId' | 'name'>} Point */
/** @typedef {import('./offline-store.js').PoolVoucher} PoolVoucher */

/**
 * The signed-in volunteer: the key, what it serves, and the pickup point chosen. Started offline,
 * it is what the device's pack knows: its one pickup point, shelter and catalogue.
 * @typedef {{
 *   key: string,
 *   points: Point[],
 *   point?: Point,
 *   items: Map<string, Pick<Item, 'nameKm'>>,
 *   shelters: Map<string, string>,
 * }} Session
 */

/** What the volunteer scanned or typed: sent again, as it was, to redeem. */
/** @typedef {{ token: string } | { code: string }} VoucherReference */

/**
 * The voucher on screen: its reference, what the check said (once it has), and the screen.
 * `pooled`: this device holds it and hands it over offline (to the outbox), whatever the network.
 * @typedef {{ reference: VoucherReference, view: VoucherView | undefined, outcome: Outcome, pooled?: PoolVoucher, clientRedemptionId?: string }} VoucherOnScreen
 */

const POINT_KEY = 'supplyline.pickupPoint';

/** @type {Session | undefined} */
let session;
/** @type {VoucherOnScreen | undefined} while one is on screen */
let voucher;
let generation = 0; // moves on with each voucher: answers for an older one are dropped
/** @type {(() => void) | undefined} */
let stopCamera;
/** @type {MessageKey} */
let cameraStatus = 'scan.cameraStarting';
/** @type {Map<string, string>} voucherId -> Idempotency-Key: retries, and a re-scan of the same voucher, reuse it. */
const idempotencyKeys = new Map();
/**
 * Handovers confirmed online on this page, by voucher id and by typed code: the slip still in
 * front of the camera after "Next voucher" is this device's own handover, not a second one.
 * (Offline handovers are found in the outbox.)
 * @type {Map<string, string>} voucherId -> redeemedAt
 */
const handedOnline = new Map();
/** @type {Map<string, string>} short code without dashes -> voucherId */
const handedCodes = new Map();
/** The same QR text right after its handover is the same slip, still in view: ignored this long. */
const SAME_CODE_QUIET_MS = 4_000;
/** @type {{ text: string, until: number } | undefined} */
let quiet;

/** @param {'signin' | 'point' | 'scan' | 'voucher'} view */
function show(view) {
  for (const name of ['signin', 'point', 'scan', 'voucher']) $(`view-${name}`).hidden = name !== view;
  $('sign-out').hidden = session === undefined;
  $('point-change').hidden = session?.point === undefined || view === 'point';
  $('point-name').textContent = session?.point?.name ?? '';
  $('status-line').hidden = session?.point === undefined;
}

/**
 * Back to the sign-in form. Whatever was still being checked or retried for the voucher on
 * screen stops: a signed-out phone sends its key no more.
 * @param {MessageKey} [errorKey]
 */
function showSignIn(errorKey) {
  session = undefined;
  offline.stop();
  voucher = undefined;
  generation++;
  $('signin-error').textContent = errorKey ? t(errorKey) : '';
  show('signin');
}

/**
 * Every pickup point the key serves, from the shelters it can see.
 * @param {string} key
 * @param {KeyScope} scope
 */
async function loadPoints(key, scope) {
  /** @type {Shelter[]} */
  const shelters = await getAll(key, '/v1/shelters');
  /** @type {PickupPoint[][]} */
  const perShelter = await Promise.all(
    shelters.map((shelter) => getAll(key, `/v1/shelters/${encodeURIComponent(shelter.id)}/pickup-points`)),
  );
  const points = perShelter
    .flat()
    .filter((point) => scope.pickupPointIds === '*' || scope.pickupPointIds.includes(point.id));
  return { points, shelters: new Map(shelters.map((shelter) => [shelter.id, shelter.name])) };
}

/** @param {string} key */
async function signIn(key) {
  /** @type {Me} */
  const me = await api(key, 'GET', '/v1/me');
  if (me.role !== 'volunteer') return showSignIn('signin.notVolunteer');
  /** @type {[{ points: PickupPoint[], shelters: Map<string, string> }, Item[]]} */
  const [{ points, shelters }, items] = await Promise.all([
    loadPoints(key, me.scope),
    getAll(key, '/v1/items'),
  ]);
  savedKey.set('volunteer', key);
  session = { key, points, shelters, items: new Map(items.map((item) => [item.id, item])) };
  const remembered = points.find((point) => point.id === localStorage.getItem(POINT_KEY));
  if (remembered) return usePoint(session, remembered);
  showPointPicker();
}

function showPointPicker() {
  if (session === undefined) return;
  const { points, shelters, point } = session;
  // One choice per line, wrapping: a native select cuts long names off on a phone.
  const choices = points.map((each, i) => {
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'point';
    input.value = each.id;
    input.checked = point ? point.id === each.id : i === 0;
    const name = document.createElement('span');
    name.className = 'choice-name';
    name.textContent = each.name;
    const shelter = document.createElement('span');
    shelter.className = 'choice-detail';
    shelter.textContent = shelters.get(each.shelterId) ?? each.shelterId;
    const label = document.createElement('label');
    label.className = 'choice';
    label.append(input, name, shelter);
    return label;
  });
  const fieldset = $('point');
  fieldset.replaceChildren(...[...fieldset.querySelectorAll('legend')], ...choices);
  $('point-error').textContent = points.length === 0 ? t('point.none') : '';
  show('point');
}

/**
 * @param {Session} signedIn
 * @param {Point} point
 */
function usePoint(signedIn, point) {
  signedIn.point = point;
  localStorage.setItem(POINT_KEY, point.id);
  showScanner();
  // The device and its pack come after the scanner shows: online scanning needs neither.
  void offline.startAt(signedIn.key, point);
}

/**
 * Start-up with no network: the device's pack at the remembered pickup point, when there is one.
 * @param {string} key
 * @returns {Promise<boolean>} whether the scanner could start offline
 */
async function resumeOffline(key) {
  const pointId = localStorage.getItem(POINT_KEY);
  const resumed = pointId ? await offline.resume(key, pointId).catch(() => undefined) : undefined;
  const pack = resumed?.pack;
  if (pack === undefined) return false;
  const point = { id: pack.pickupPoint.id, name: pack.pickupPoint.name, shelterId: pack.shelter.id };
  session = {
    key,
    points: [point],
    point,
    items: new Map(pack.catalogue.map((item) => [item.itemId, item.nameKm ? { nameKm: item.nameKm } : {}])),
    shelters: new Map([[pack.shelter.id, pack.shelter.name]]),
  };
  showScanner();
  return true;
}

async function showScanner() {
  voucher = undefined;
  // Back at the camera, the last slip handed over is still in front of it: not a new scan.
  if (quiet) quiet.until = Date.now() + SAME_CODE_QUIET_MS;
  generation++;
  $('code', HTMLInputElement).value = '';
  show('scan');
  if (stopCamera) return;
  setCameraStatus('scan.cameraStarting');
  try {
    stopCamera = await startCamera($('video', HTMLVideoElement), onScanned, () => voucher === undefined);
    setCameraStatus('scan.cameraReady');
  } catch {
    $('video').hidden = true;
    setCameraStatus('scan.cameraUnavailable');
  }
}

/** @param {MessageKey} key */
function setCameraStatus(key) {
  cameraStatus = key;
  $('camera-status').textContent = t(key);
}

/** @param {string} text */
function onScanned(text) {
  // The slip just handed over, still in view: quiet for as long as it stays there.
  if (quiet && quiet.text === text && Date.now() < quiet.until) {
    quiet.until = Date.now() + SAME_CODE_QUIET_MS;
    return;
  }
  if (voucher === undefined && !$('view-scan').hidden) check({ token: text });
}

/**
 * Whether this device handed the voucher over already, from what the page and the outbox hold.
 * @param {VoucherReference} reference
 * @returns {Promise<Outcome | undefined>}
 */
async function handedHere(reference) {
  const voucherId =
    'token' in reference
      ? parseToken(reference.token)?.voucherId
      : handedCodes.get(parseShortCode(reference.code) ?? '');
  if (voucherId === undefined) return undefined;
  const online = handedOnline.get(voucherId);
  if (online) return { kind: 'handed-here', at: online, pending: false };
  const device = offline.current()?.device;
  const entry = device ? await outboxEntryFor(device.deviceId, voucherId).catch(() => undefined) : undefined;
  return entry
    ? { kind: 'handed-here', at: entry.deviceTime, pending: entry.state === 'pending' }
    : undefined;
}

/**
 * The controls a retry loop needs: report progress, stop when the volunteer has moved on.
 * @param {number} mine
 * @returns {import('./redeem.js').RetryControl}
 */
function control(mine) {
  return {
    onRetry: ({ attempt, offline }) => settle(mine, { kind: offline ? 'offline' : 'busy', attempt }),
    cancelled: () => mine !== generation,
  };
}

/**
 * Shows `outcome`, unless the volunteer has moved on from the voucher it is about.
 * @param {number} mine
 * @param {Outcome} outcome
 */
function settle(mine, outcome) {
  if (mine !== generation || voucher === undefined) return;
  if (outcome.kind === 'signed-out') {
    savedKey.forget('volunteer');
    return showSignIn('signin.rejected');
  }
  voucher.outcome = outcome;
  render();
}

/**
 * @param {unknown} err
 * @returns {Outcome}
 */
function refusal(err) {
  if (err instanceof ApiError) return outcomeOfRefusal(err);
  return { kind: 'error', detail: err instanceof Error ? err.message : String(err) };
}

/** @param {VoucherReference} reference */
async function check(reference) {
  const point = session?.point;
  if (session === undefined || point === undefined) return;
  const mine = ++generation;
  /** @type {VoucherOnScreen} */
  const checking = { reference, view: undefined, outcome: { kind: 'checking' } };
  voucher = checking;
  render();
  show('voucher');
  const here = await handedHere(reference);
  if (here) return settle(mine, here);
  const pack = offline.current()?.pack;
  if (pack && pack.offlineMode !== 'online') {
    const local = await checkLocally(reference, pack).catch(() => undefined);
    if (local?.voucher && mine === generation) {
      checking.pooled = local.voucher;
      checking.view = viewOfPooled(local.voucher, pack);
      return settle(mine, local.outcome);
    }
    // Online, the server knows more than the pack (held by another desk, another shelter...).
    if (local && !navigator.onLine) return settle(mine, local.outcome);
  }
  const body = JSON.stringify({ ...reference, pickupPointId: point.id });
  try {
    const view = await verifyVoucher(session.key, body, control(mine));
    if (mine === generation) checking.view = view;
    settle(mine, outcomeOfCheck(view, point));
  } catch (err) {
    settle(mine, refusal(err));
  }
}

async function handOver() {
  const point = session?.point;
  const view = voucher?.view;
  if (session === undefined || point === undefined || voucher === undefined || view === undefined) return;
  const mine = generation;
  if (voucher.pooled) return handOverOffline(mine, voucher, voucher.pooled);
  const idempotencyKey = idempotencyKeys.get(view.voucherId) ?? newIdempotencyKey();
  idempotencyKeys.set(view.voucherId, idempotencyKey);
  settle(mine, { kind: 'sending' });
  const body = JSON.stringify({ ...voucher.reference, pickupPointId: point.id });
  try {
    const redemption = await redeemVoucher(session.key, body, idempotencyKey, control(mine));
    rememberHandover(voucher.reference, view.voucherId, view.code, redemption.redeemedAt);
    settle(mine, { kind: 'redeemed', redeemedAt: redemption.redeemedAt });
  } catch (err) {
    settle(mine, refusal(err));
  }
}

/**
 * @param {VoucherReference} reference
 * @param {string} voucherId
 * @param {string} code
 * @param {string} at
 */
function rememberHandover(reference, voucherId, code, at) {
  handedOnline.set(voucherId, at);
  handedCodes.set(code.replace(/-/g, ''), voucherId);
  if ('token' in reference) quiet = { text: reference.token, until: Date.now() + SAME_CODE_QUIET_MS };
}

/**
 * Into the outbox first, then "Handed over, will sync"; the sync that follows (at once when
 * online) turns it into "confirmed" if this voucher is still on screen.
 * @param {number} mine
 * @param {VoucherOnScreen} onScreen
 * @param {PoolVoucher} pooled
 */
async function handOverOffline(mine, onScreen, pooled) {
  const device = offline.current()?.device;
  if (device === undefined) return settle(mine, { kind: 'error', detail: 'no device' });
  settle(mine, { kind: 'sending' });
  try {
    const { entry } = await recordHandover(device, pooled);
    onScreen.clientRedemptionId = entry.clientRedemptionId;
    if ('token' in onScreen.reference)
      quiet = { text: onScreen.reference.token, until: Date.now() + SAME_CODE_QUIET_MS };
    settle(
      mine,
      entry.state === 'redeemed'
        ? { kind: 'redeemed', redeemedAt: entry.deviceTime }
        : { kind: 'pending', at: entry.deviceTime },
    );
    void offline.renderStatus();
    void offline.tick();
  } catch (err) {
    settle(mine, refusal(err));
  }
}

/**
 * After a sync: the voucher on screen, if it was pending, shows what the server said.
 * @param {import('./offline-store.js').OutboxEntry[]} settled
 */
async function onSettled(settled) {
  offline.renderOutcomes(settled);
  const onScreen = voucher;
  if (onScreen?.outcome.kind === 'handed-here' && onScreen.outcome.pending) {
    const mine = generation;
    const now = await handedHere(onScreen.reference);
    if (now) settle(mine, now);
    return;
  }
  const id = voucher?.clientRedemptionId;
  if (id === undefined || voucher?.outcome.kind !== 'pending') return;
  const entry = await outboxEntry(id);
  if (entry === undefined || entry.state === 'pending') return;
  settle(
    generation,
    entry.state === 'redeemed'
      ? { kind: 'redeemed', redeemedAt: entry.deviceTime }
      : { kind: 'sync-refused', reason: entry.message ?? entry.reason ?? entry.state },
  );
}

function render() {
  if (voucher !== undefined && session !== undefined) renderVoucher(voucher, session);
}

/** @param {unknown} err */
function failSignIn(err) {
  if (err instanceof ApiError && err.status === 401) {
    savedKey.forget('volunteer');
    return showSignIn('signin.rejected');
  }
  // Offline at start-up: this phone's pack, if it has one; else keep the saved key in the form,
  // so "Sign in" simply tries again.
  const key = savedKey.get('volunteer');
  if (err instanceof NetworkError && key) {
    resumeOffline(key).then((resumed) => resumed || showOfflineSignIn());
    return;
  }
  showOfflineSignIn(err);
}

/** @param {unknown} [err] */
function showOfflineSignIn(err) {
  const field = $('signin-key', HTMLInputElement);
  field.value ||= savedKey.get('volunteer') ?? '';
  showSignIn(err === undefined || err instanceof NetworkError ? 'state.offline' : 'state.error');
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    render();
    if (session) $('camera-status').textContent = t(cameraStatus);
    void offline.renderStatus();
  });
  offline.onSettled((settled) => void onSettled(settled));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim()).catch(failSignIn);
  });
  $('point-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = document.querySelector('#point input:checked');
    if (!(chosen instanceof HTMLInputElement)) return;
    const point = session?.points.find((candidate) => candidate.id === chosen.value);
    if (session && point) usePoint(session, point);
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code', HTMLInputElement).value.trim();
    if (code) check({ code });
  });
  $('handover').addEventListener('click', handOver);
  $('next').addEventListener('click', showScanner);
  $('point-change').addEventListener('click', showPointPicker);
  $('sign-out').addEventListener('click', () => void signOut());
}

/**
 * Signing out signs the device off: it syncs, then gives its pool back to the other desks. With
 * handovers still waiting (no network), it refuses: the key is what lets them sync.
 */
async function signOut() {
  const state = offline.current();
  if (state) {
    // Sends what waits at every pickup point (when online), then gives this point's pool back.
    await offline.tick();
    try {
      await signOffDevice(state.key, state.device);
    } catch {
      // Offline, or a record still waits: checked just below.
    }
    const waiting = await offline.waitingToSync(state.device.keyFingerprint);
    if (waiting > 0) {
      $('status-line').textContent = t('status.signOffBlocked', { count: waiting });
      return;
    }
  }
  stopCamera?.();
  stopCamera = undefined;
  savedKey.forget('volunteer');
  localStorage.removeItem(POINT_KEY);
  $('signin-key', HTMLInputElement).value = '';
  showSignIn();
}

wire();
registerServiceWorker();
const remembered = savedKey.get('volunteer');
if (remembered) signIn(remembered).catch(failSignIn);
else showSignIn();
