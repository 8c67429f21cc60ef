// Choosing the pickup point: the points a key serves, the one this phone remembers, and the
// chooser shown when there is none (or the volunteer asks to change).
import { listAll } from '../common/api.js';
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import * as offline from './offline-session.js';
import { currentSession } from './scan-session.js';
import { showScanner } from './scanner-view.js';
import { show } from './views.js';

/** @typedef {import('../common/api-types.js').KeyScope} KeyScope */
/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('./scan-session.js').Point} Point */
/** @typedef {import('./scan-session.js').Session} Session */

/** localStorage: the pickup point this phone was last used at, so a volunteer picks it once. */
const POINT_KEY = 'supplyline.pickupPoint';

/** The pickup point this phone remembers, if any. */
export function rememberedPointId() {
  return localStorage.getItem(POINT_KEY);
}

/** Signing out: the next volunteer chooses again. */
export function forgetPoint() {
  localStorage.removeItem(POINT_KEY);
}

/**
 * Every pickup point the key serves, from the shelters it can see.
 * @param {string} key
 * @param {KeyScope} scope
 */
export async function loadPoints(key, scope) {
  const shelters = await listAll(key, '/v1/shelters');
  const perShelter = await Promise.all(
    shelters.map((shelter) => listAll(key, '/v1/shelters/{id}/pickup-points', { path: { id: shelter.id } })),
  );
  const points = perShelter
    .flat()
    .filter((point) => scope.pickupPointIds === '*' || scope.pickupPointIds.includes(point.id));
  return { points, shelters: new Map(shelters.map((shelter) => [shelter.id, shelter.name])) };
}

export function showPointPicker() {
  const session = currentSession();
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

/** The point checked in the chooser, if it is one the session serves. */
export function chosenPoint() {
  const chosen = document.querySelector('#point input:checked');
  if (!(chosen instanceof HTMLInputElement)) return undefined;
  return currentSession()?.points.find((candidate) => candidate.id === chosen.value);
}

/**
 * @param {Session} signedIn
 * @param {Point} point
 */
export function usePoint(signedIn, point) {
  signedIn.point = point;
  localStorage.setItem(POINT_KEY, point.id);
  showScanner();
  // The device and its pack come after the scanner shows: online scanning needs neither.
  void offline.startAt(signedIn.key, point);
}
