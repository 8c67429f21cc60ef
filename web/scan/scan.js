// The volunteer scanner: sign in, pick a pickup point, scan or type a voucher, hand over, confirm.
// It shows only what to hand over: the API never sends a volunteer any beneficiary data.
import { ApiError, api, getAll, NetworkError, newIdempotencyKey, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { startCamera } from './camera.js';
import { outcomeOfCheck, outcomeOfRefusal } from './outcome.js';
import { redeemVoucher, verifyVoucher } from './redeem.js';
import { renderVoucher } from './voucher-screen.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').KeyScope} KeyScope */
/** @typedef {import('../common/api-types.js').Me} Me */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */
/** @typedef {import('../common/i18n.js').MessageKey} MessageKey */
/** @typedef {import('./outcome.js').Outcome} Outcome */

/**
 * The signed-in volunteer: the key, what it serves, and the pickup point chosen.
 * @typedef {{
 *   key: string,
 *   points: PickupPoint[],
 *   point?: PickupPoint,
 *   items: Map<string, Item>,
 *   shelters: Map<string, string>,
 * }} Session
 */

/** What the volunteer scanned or typed: sent again, as it was, to redeem. */
/** @typedef {{ token: string } | { code: string }} VoucherReference */

/**
 * The voucher on screen: its reference, what the check said (once it has), and the screen.
 * @typedef {{ reference: VoucherReference, view: VoucherView | undefined, outcome: Outcome }} VoucherOnScreen
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

/** @param {'signin' | 'point' | 'scan' | 'voucher'} view */
function show(view) {
  for (const name of ['signin', 'point', 'scan', 'voucher']) $(`view-${name}`).hidden = name !== view;
  $('sign-out').hidden = session === undefined;
  $('point-change').hidden = session?.point === undefined || view === 'point';
  $('point-name').textContent = session?.point?.name ?? '';
}

/**
 * Back to the sign-in form. Whatever was still being checked or retried for the voucher on
 * screen stops: a signed-out phone sends its key no more.
 * @param {MessageKey} [errorKey]
 */
function showSignIn(errorKey) {
  session = undefined;
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
  const select = $('point', HTMLSelectElement);
  select.replaceChildren(
    ...points.map((each) => new Option(`${each.name} · ${shelters.get(each.shelterId)}`, each.id)),
  );
  if (point) select.value = point.id;
  $('point-error').textContent = points.length === 0 ? t('point.none') : '';
  show('point');
}

/**
 * @param {Session} signedIn
 * @param {PickupPoint} point
 */
function usePoint(signedIn, point) {
  signedIn.point = point;
  localStorage.setItem(POINT_KEY, point.id);
  showScanner();
}

async function showScanner() {
  voucher = undefined;
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
  if (voucher === undefined && !$('view-scan').hidden) check({ token: text });
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
  const idempotencyKey = idempotencyKeys.get(view.voucherId) ?? newIdempotencyKey();
  idempotencyKeys.set(view.voucherId, idempotencyKey);
  settle(mine, { kind: 'sending' });
  const body = JSON.stringify({ ...voucher.reference, pickupPointId: point.id });
  try {
    const redemption = await redeemVoucher(session.key, body, idempotencyKey, control(mine));
    settle(mine, { kind: 'redeemed', redeemedAt: redemption.redeemedAt });
  } catch (err) {
    settle(mine, refusal(err));
  }
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
  // Offline at start-up: keep the saved key in the form, so "Sign in" simply tries again.
  const field = $('signin-key', HTMLInputElement);
  field.value ||= savedKey.get('volunteer') ?? '';
  showSignIn(err instanceof NetworkError ? 'state.offline' : 'state.error');
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    render();
    if (session) $('camera-status').textContent = t(cameraStatus);
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim()).catch(failSignIn);
  });
  $('point-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = $('point', HTMLSelectElement).value;
    const point = session?.points.find((candidate) => candidate.id === chosen);
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
  $('sign-out').addEventListener('click', () => {
    stopCamera?.();
    stopCamera = undefined;
    savedKey.forget('volunteer');
    localStorage.removeItem(POINT_KEY);
    $('signin-key', HTMLInputElement).value = '';
    showSignIn();
  });
}

wire();
const remembered = savedKey.get('volunteer');
if (remembered) signIn(remembered).catch(failSignIn);
else showSignIn();
