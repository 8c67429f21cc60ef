// Signing in with a volunteer's key: online, from what the API says the key serves; with no
// network at start-up, from the device's pack at the remembered pickup point.
import { ApiError, apiCall, listAll, NetworkError, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import * as offline from './offline-session.js';
import { loadPoints, rememberedPointId, showPointPicker, usePoint } from './point-picker.js';
import { setSession } from './scan-session.js';
import { showScanner, stopScanner } from './scanner-view.js';
import { show } from './views.js';
import { leaveVoucher } from './voucher-on-screen.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Me} Me */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/i18n.js').MessageKey} MessageKey */

/**
 * Back to the sign-in form. Whatever was still being checked or retried for the voucher on
 * screen stops: a signed-out phone sends its key no more.
 * @param {MessageKey} [errorKey]
 */
export function showSignIn(errorKey) {
  setSession(undefined);
  offline.stop();
  leaveVoucher();
  $('signin-error').textContent = errorKey ? t(errorKey) : '';
  show('signin');
}

/** The server refused a key typed into the form: it is forgotten, the volunteer checks it. */
export function signInAgain() {
  savedKey.forget('volunteer');
  showSignIn('signin.rejected');
}

/** The kept key was refused (revoked): signed out, camera off; handovers waiting stay. */
export function signedOutByServer() {
  stopScanner();
  savedKey.forget('volunteer');
  showSignIn('signin.accessEnded');
}

/**
 * @param {string} key
 * @param {{ onlyPoint?: boolean }} [options] start at the key's only pickup point (an invitation)
 */
export async function signIn(key, { onlyPoint = false } = {}) {
  const me = await apiCall(key, 'GET', '/v1/me');
  if (me.role !== 'volunteer') return showSignIn('signin.notVolunteer');
  /** @type {[{ points: PickupPoint[], shelters: Map<string, string> }, Item[]]} */
  const [{ points, shelters }, items] = await Promise.all([
    loadPoints(key, me.scope),
    listAll(key, '/v1/items'),
  ]);
  savedKey.set('volunteer', key);
  const session = { key, points, shelters, items: new Map(items.map((item) => [item.id, item])) };
  setSession(session);
  const remembered = points.find((point) => point.id === rememberedPointId());
  if (remembered) return usePoint(session, remembered);
  const [only, ...others] = points;
  if (onlyPoint && only !== undefined && others.length === 0) return usePoint(session, only);
  showPointPicker();
}

/**
 * @param {unknown} err
 * @param {'typed' | 'kept'} [origin] whether the refused key was typed just now or kept on the phone
 */
export function failSignIn(err, origin = 'typed') {
  if (err instanceof ApiError && err.status === 401)
    return origin === 'kept' ? signedOutByServer() : signInAgain();
  // Offline at start-up: this phone's pack, if it has one; else keep the saved key in the form,
  // so "Sign in" simply tries again.
  const key = savedKey.get('volunteer');
  if (err instanceof NetworkError && key) {
    resumeOffline(key).then((resumed) => resumed || showOfflineSignIn());
    return;
  }
  showOfflineSignIn(err);
}

/**
 * Start-up with no network: the device's pack at the remembered pickup point, when there is one.
 * @param {string} key
 * @returns {Promise<boolean>} whether the scanner could start offline
 */
async function resumeOffline(key) {
  const pointId = rememberedPointId();
  const resumed = pointId ? await offline.resume(key, pointId).catch(() => undefined) : undefined;
  const pack = resumed?.pack;
  if (pack === undefined) return false;
  const point = { id: pack.pickupPoint.id, name: pack.pickupPoint.name, shelterId: pack.shelter.id };
  setSession({
    key,
    points: [point],
    point,
    items: new Map(pack.catalogue.map((item) => [item.itemId, item.nameKm ? { nameKm: item.nameKm } : {}])),
    shelters: new Map([[pack.shelter.id, pack.shelter.name]]),
  });
  showScanner();
  return true;
}

/** @param {unknown} [err] */
function showOfflineSignIn(err) {
  const field = $('signin-key', HTMLInputElement);
  field.value ||= savedKey.get('volunteer') ?? '';
  if (field.value !== '') $('signin-with-key', HTMLDetailsElement).open = true;
  showSignIn(err === undefined || err instanceof NetworkError ? 'state.offline' : 'state.error');
}
