// The logistics desk (issue 23): the logistics lead's working page, beside the read-only
// /dashboard. This file is the shell, and only the shell: the sign-in (a logistics or an admin
// key, kept on the device under the same name as /dashboard's, so one sign-in serves both), the
// lead's shelter (a picker, remembered on the device), the sections' navigation, and the
// address's #fragment, which names the section on screen and what it shows.
//
// HOW A SECTION REGISTERS
// 1. Its module, web/desk/section-<name>.js, exports a DeskSection (desk-types.d.ts):
//      export const fooSection = {
//        id: 'foo',           // its address: /desk#foo, or /desk#foo=<argument> (#transfer=tr-1)
//        title: 'foo.title',  // a message key: its name in the navigation and its heading
//        mount(host, desk) {},  // once per sign-in: build the section's markup in `host`
//        show(route) {},      // opened (navigation, address, link), or the shelter changed
//        render() {},         // the language changed: say again what is not marked data-i18n
//      };
//    `desk` (DeskContext) gives typed API calls with the signed-in key (desk.call, desk.list),
//    the chosen shelter (desk.shelter()), the key's shelters and the catalogue, desk.go(id, arg)
//    to open a section, desk.count(id, n) for the number beside a section's name.
// 2. Its words, English and Khmer, in web/desk/<name>-messages.js (addMessages), imported by
//    the module and named in desk-messages.js's DeskMessageKey.
// 3. One line in web/desk/sections.js (the navigation's order), and its files in
//    web/serve/web-files.ts's catalogue.
// Writes go through web/common/form.js: one Idempotency-Key per intended change, errors beside
// their fields with a summary, a check-your-answers step, "no connection" said plainly.
import './desk-messages.js';
import { ApiError, apiCall, listAll, NetworkError, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { el, said } from '../common/elements.js';
import { formatNumber, setupLanguageToggle, t } from '../common/i18n.js';
import { landFromInvitation } from '../common/invitation-link.js';
import { nameOf } from './names.js';
import { sections } from './sections.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Me} Me */
/** @typedef {import('../common/api-types.js').Role} Role */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('./desk-types.js').DeskCall} DeskCall */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */
/** @typedef {import('./desk-types.js').DeskList} DeskList */
/** @typedef {import('./desk-types.js').DeskRoute} DeskRoute */
/** @typedef {import('./desk-types.js').DeskSection} DeskSection */

/** The roles the desk signs in, and every section's unless it names its own. */
const DESK_ROLES = /** @type {readonly Role[]} */ (['logistics', 'admin']);
/** The shelter chosen on this device. */
const SHELTER_CHOICE = 'supplyline.desk.shelter';

/**
 * The signed-in desk: the key, what it reaches, and the sections built for it.
 * @typedef {{
 *   key: string,
 *   me: Me,
 *   shelters: Shelter[],
 *   everyShelter: Shelter[],
 *   items: Item[],
 *   shelterId: string,
 *   mounted: Map<string, { section: DeskSection, box: HTMLElement, count: HTMLElement }>,
 * }} DeskState
 */

/** @type {DeskState | undefined} */
let current;
/** The id of the section on screen. */
let shown = '';

/** @param {'signin' | 'desk' | 'failed'} view */
function showView(view) {
  $('view-signin').hidden = view !== 'signin';
  $('view-desk').hidden = view !== 'desk';
  $('load-failed').hidden = view !== 'failed';
  $('sign-out').hidden = view === 'signin';
  $('to-board').hidden = view !== 'desk';
}

/** @param {string} message */
function showSignIn(message = '') {
  current = undefined;
  shown = '';
  $('desk-sections').replaceChildren();
  $('nav-list').replaceChildren();
  $('who').textContent = '';
  $('signin-error').textContent = message;
  showView('signin');
}

function signOut() {
  savedKey.forget('logistics');
  $('signin-key', HTMLInputElement).value = '';
  showSignIn();
}

/** @param {unknown} err */
function messageFor(err) {
  if (err instanceof ApiError && err.status === 401) return t('signin.rejected');
  if (err instanceof ApiError && err.status === 403) return t('desk.notDesk');
  if (err instanceof NetworkError) return t('desk.offline');
  return t('desk.failed', { reason: err instanceof Error ? err.message : String(err) });
}

/**
 * What the key reaches: who it is, its shelters (all for "*"), the catalogue.
 * @param {string} key
 */
async function load(key) {
  const me = await apiCall(key, 'GET', '/v1/me');
  if (!DESK_ROLES.includes(me.role)) throw new ApiError(403, undefined);
  const [everyShelter, items] = await Promise.all([listAll(key, '/v1/shelters'), listAll(key, '/v1/items')]);
  const reach = me.scope.shelterIds;
  // By name, as a lead looks for one.
  const shelters = (
    reach === '*' ? [...everyShelter] : everyShelter.filter((shelter) => reach.includes(shelter.id))
  ).sort((a, b) => a.name.localeCompare(b.name));
  return { key, me, shelters, everyShelter, items };
}

/** The shelter remembered on this device when the key still reaches it, else the first. */
function chosenShelter(/** @type {Shelter[]} */ shelters) {
  const remembered = localStorage.getItem(SHELTER_CHOICE);
  return shelters.find((shelter) => shelter.id === remembered)?.id ?? shelters[0]?.id ?? '';
}

function renderWho() {
  if (!current) return;
  const { me } = current;
  $('who').textContent = me.displayName ?? t(me.role === 'admin' ? 'desk.role.admin' : 'desk.role.logistics');
}

function renderShelterPicker() {
  if (!current) return;
  const select = $('desk-shelter', HTMLSelectElement);
  select.replaceChildren(
    ...current.shelters.map((shelter) => new Option(nameOf(shelter, shelter.id), shelter.id)),
  );
  select.value = current.shelterId;
  // One shelter is no choice: it is named, not asked.
  select.disabled = current.shelters.length === 1;
}

/** @returns {DeskRoute} */
function addressRoute() {
  let fragment = location.hash.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A fragment that is not valid percent-encoding is read as it is.
  }
  const at = fragment.indexOf('=');
  return at < 0
    ? { section: fragment, argument: undefined }
    : { section: fragment.slice(0, at), argument: fragment.slice(at + 1) };
}

/**
 * Shows the section the address names (the first when it names none) and tells it what to show.
 * An address naming no section (the skip link's) leaves the section on screen as it is.
 * @param {{ focus?: boolean, again?: boolean }} how `focus`: move the focus to its heading (after
 *   a choice in the navigation); `again`: tell it even if it is on screen already (a new shelter)
 */
function route({ focus = false, again = false } = {}) {
  if (!current) return;
  const wanted = addressRoute();
  const named = current.mounted.get(wanted.section);
  if (!named && current.mounted.has(shown) && !again) return;
  const first = current.mounted.values().next().value;
  const target = named ?? current.mounted.get(shown) ?? first;
  if (!target) return;
  shown = target.section.id;
  for (const { box } of current.mounted.values()) box.hidden = box !== target.box;
  for (const link of $('nav-list').querySelectorAll('a')) {
    if (link.getAttribute('href') === `#${shown}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const shownRoute = named ? wanted : { section: shown, argument: undefined };
  Promise.resolve(target.section.show(shownRoute)).catch((err) => console.error(err));
  if (focus && named) /** @type {HTMLElement | null} */ (target.box.querySelector('h2'))?.focus();
}

/** The numbers beside the sections' names, in the chosen language's digits. */
function renderCounts() {
  for (const { count } of current?.mounted.values() ?? []) {
    const value = count.dataset.value;
    count.textContent = value ? formatNumber(Number(value)) : '';
  }
}

/** The sections not on screen hear of a new shelter (the one on screen is shown it again). */
function shelterChangedElsewhere() {
  for (const { section } of current?.mounted.values() ?? [])
    if (section.id !== shown) section.shelterChanged?.();
}

/**
 * What every section is given, for this sign-in.
 * @param {DeskState} state
 * @returns {DeskContext}
 */
function contextFor(state) {
  /**
   * A refusal of this key (revoked meanwhile) signs the page out; any answer goes on to the section.
   * @template T
   * @param {Promise<T>} answer
   */
  const watched = (answer) =>
    answer.catch((err) => {
      if (err instanceof ApiError && err.status === 401 && current === state) {
        savedKey.forget('logistics');
        showSignIn(t('signin.rejected'));
      }
      throw err;
    });
  const call = /** @type {DeskCall} */ (
    (method, path, ...request) => watched(apiCall(state.key, method, path, ...request))
  );
  const list = /** @type {DeskList} */ ((path, ...request) => watched(listAll(state.key, path, ...request)));
  return {
    me: state.me,
    shelters: state.shelters,
    everyShelter: state.everyShelter,
    items: state.items,
    shelter: () => {
      const shelter =
        state.shelters.find((candidate) => candidate.id === state.shelterId) ?? state.shelters[0];
      if (!shelter) throw new Error('The desk is signed in without a shelter.');
      return shelter;
    },
    call,
    list,
    go: (section, argument) => {
      const fragment = argument === undefined ? section : `${section}=${encodeURIComponent(argument)}`;
      if (location.hash === `#${fragment}`) route({ again: true });
      else location.hash = fragment;
    },
    count: (section, value) => {
      const badge = state.mounted.get(section)?.count;
      if (!badge) return;
      badge.hidden = value === undefined;
      badge.dataset.value = value === undefined ? '' : String(value);
      renderCounts();
    },
  };
}

/** Builds the sections this key may use, once per sign-in, in the order of sections.js. */
function mountSections(/** @type {DeskState} */ state) {
  const host = $('desk-sections');
  const nav = $('nav-list');
  host.replaceChildren();
  nav.replaceChildren();
  const context = contextFor(state);
  for (const section of sections) {
    if (!(section.roles ?? DESK_ROLES).includes(state.me.role)) continue;
    const titleId = `desk-${section.id}-title`;
    const box = el(
      'section',
      {
        class: 'card stack desk-section',
        id: `desk-${section.id}`,
        'aria-labelledby': titleId,
        hidden: true,
      },
      [said('h2', section.title, { id: titleId, tabindex: '-1' })],
    );
    const count = el('span', { class: 'badge', hidden: true });
    host.append(box);
    nav.append(el('li', {}, [el('a', { href: `#${section.id}` }, [said('span', section.title), count])]));
    state.mounted.set(section.id, { section, box, count });
    section.mount(box, context);
  }
}

/**
 * Signs in with `candidate`; `remembered` when the page opened with a key kept on the device.
 * @param {string} candidate
 * @param {boolean} remembered
 */
async function signIn(candidate, remembered) {
  try {
    const loaded = await load(candidate);
    if (loaded.shelters.length === 0) {
      savedKey.forget('logistics');
      return showSignIn(t('desk.noShelter'));
    }
    savedKey.set('logistics', candidate);
    current = { ...loaded, shelterId: chosenShelter(loaded.shelters), mounted: new Map() };
    renderWho();
    renderShelterPicker();
    showView('desk');
    mountSections(current);
    route({ again: true });
    shelterChangedElsewhere();
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      savedKey.forget('logistics');
      return showSignIn(messageFor(err));
    }
    // A kept key on a bad network: the page says so and offers to try again, keeping the key.
    if (remembered) {
      $('load-error').textContent = messageFor(err);
      return showView('failed');
    }
    $('signin-error').textContent = messageFor(err);
  }
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    renderWho();
    renderShelterPicker();
    renderCounts();
    for (const { section } of current?.mounted.values() ?? []) section.render?.();
  });
  // The skip link moves the focus without touching the address, whose #fragment is the section's.
  $('skip').addEventListener('click', (event) => {
    event.preventDefault();
    $('content').focus();
  });
  window.addEventListener('hashchange', () => route({ focus: true }));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('signin-error').textContent = '';
    void signIn($('signin-key', HTMLInputElement).value.trim(), false);
  });
  $('desk-shelter').addEventListener('change', () => {
    if (!current) return;
    current.shelterId = $('desk-shelter', HTMLSelectElement).value;
    localStorage.setItem(SHELTER_CHOICE, current.shelterId);
    route({ again: true });
    shelterChangedElsewhere();
  });
  $('retry').addEventListener('click', () => {
    const remembered = savedKey.get('logistics');
    if (remembered) void signIn(remembered, true);
    else showSignIn();
  });
  $('sign-out').addEventListener('click', signOut);
}

/** With the key this device keeps, or the sign-in. */
function start() {
  const remembered = savedKey.get('logistics');
  if (remembered) void signIn(remembered, true);
  else showSignIn();
}

wire();
// A logistics lead's invitation opens here: the key it gives is kept, as one typed in would be.
if (!landFromInvitation({ keyName: 'logistics', signIn: (key) => void signIn(key, true), start })) start();
