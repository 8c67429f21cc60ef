// The admin page: organisations, people, partner keys, shelters and pickup points, items,
// devices and webhooks, each a section of its own module. An admin key sees every section; a
// coordinator key sees those its role may use (its own volunteers, its devices and webhooks).
import { ApiError, api, apiCall, listAll, NetworkError, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { landFromInvitation } from '../common/invitation-link.js';
import { at, translateAdmin } from './admin-i18n.js';
import { apiKeysSection } from './api-keys.js';
import { devicesSection } from './devices.js';
import { itemsSection } from './items.js';
import { organisationsSection } from './organisations.js';
import { peopleSection } from './people.js';
import { sheltersSection } from './shelters.js';
import { el, said } from './ui.js';
import { webhooksSection } from './webhooks.js';

/** @typedef {import('../common/api-types.js').Me} Me */
/** @typedef {import('../common/api-types.js').Role} Role */
/** @typedef {import('./admin-types.js').ApiDocument} ApiDocument */
/** @typedef {import('./admin-types.js').Organization} Organization */
/** @typedef {import('./admin-types.js').ShelterView} ShelterView */
/** @typedef {import('./admin-types.js').PickupPointView} PickupPointView */
/** @typedef {import('../common/api-types.js').Item} Item */

/**
 * What every section reads: the caller, what this server offers, and the shared records.
 * @typedef {{
 *   key: string,
 *   me: Me,
 *   document: ApiDocument,
 *   organisations: Organization[],
 *   shelters: ShelterView[],
 *   points: Map<string, PickupPointView[]>,
 *   items: Item[],
 * }} AdminState
 */

/**
 * What a section is given: the state, a way to call the API, and to say that shared records
 * changed (every section then redraws what it shows of them).
 * @typedef {{
 *   state: AdminState,
 *   call: <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, idempotencyKey?: string) => Promise<T>,
 *   reload: (what: 'organisations' | 'shelters' | 'items') => Promise<void>,
 * }} AdminContext
 */

/**
 * A section of the page.
 * @typedef {{
 *   id: string,
 *   title: import('./admin-i18n.js').AdminKey,
 *   roles: Role[],
 *   mount: (host: HTMLElement, context: AdminContext) => void,
 *   render: () => void,
 * }} Section
 */

/** In the order of the page's navigation. */
const sections = [
  organisationsSection,
  peopleSection,
  apiKeysSection,
  sheltersSection,
  itemsSection,
  devicesSection,
  webhooksSection,
];

/** @type {AdminState | undefined} */
let current;
/** The id of the section on screen. */
let shownSection = '';

/** @param {boolean} signedIn */
function show(signedIn) {
  $('view-signin').hidden = signedIn;
  $('view-admin').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
}

/** @param {unknown} err */
function messageFor(err) {
  if (err instanceof ApiError && err.status === 401) return t('signin.rejected');
  if (err instanceof ApiError && err.status === 403) return at('signin.notAdmin');
  if (err instanceof NetworkError) return at('form.offline');
  return err instanceof Error ? err.message : String(err);
}

/** @type {AdminContext['call']} */
async function call(method, path, body, idempotencyKey) {
  if (!current) throw new ApiError(401, undefined);
  /** @type {Record<string, string>} */
  const headers = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};
  return api(current.key, method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers,
  });
}

/** @param {'organisations' | 'shelters' | 'items'} what */
async function reload(what) {
  if (!current) return;
  const state = current;
  if (what === 'organisations' && state.me.role === 'admin') {
    state.organisations = await listAll(state.key, '/v1/organizations');
  }
  if (what === 'shelters') {
    state.shelters = await listAll(state.key, '/v1/shelters');
    const lists = await Promise.all(
      state.shelters.map((shelter) =>
        listAll(state.key, '/v1/shelters/{id}/pickup-points', { path: { id: shelter.id } }),
      ),
    );
    state.points = new Map(state.shelters.map((shelter, index) => [shelter.id, lists[index] ?? []]));
  }
  if (what === 'items') state.items = await listAll(state.key, '/v1/items');
  renderAll();
}

function renderAll() {
  if (!current) return;
  const role = current.me.role;
  for (const section of sections) if (section.roles.includes(role)) section.render();
}

/**
 * @param {string} key
 * @returns {Promise<AdminState>}
 */
async function load(key) {
  const me = await apiCall(key, 'GET', '/v1/me');
  if (me.role !== 'admin' && me.role !== 'coordinator') throw new ApiError(403, undefined);
  const document = /** @type {ApiDocument} */ (
    await fetch('/openapi.json', { credentials: 'omit' }).then((response) => {
      if (!response.ok) throw new ApiError(response.status, undefined);
      return response.json();
    })
  );
  return { key, me, document, organisations: [], shelters: [], points: new Map(), items: [] };
}

/** Builds the sections this key may use, once per sign-in. */
function mountSections() {
  if (!current) return;
  const role = current.me.role;
  const host = $('admin-sections');
  const nav = $('nav-list');
  host.replaceChildren();
  nav.replaceChildren();
  const context = { state: current, call, reload };
  for (const section of sections) {
    if (!section.roles.includes(role)) continue;
    const box = el(
      'section',
      { class: 'card stack admin-section', id: section.id, 'aria-labelledby': `${section.id}-title` },
      [said('h2', section.title, { id: `${section.id}-title`, tabindex: '-1' })],
    );
    host.append(box);
    nav.append(el('li', {}, [said('a', section.title, { href: `#${section.id}` })]));
    section.mount(box, context);
  }
  $('who').textContent = at(role === 'admin' ? 'who.admin' : 'who.coordinator', { org: current.me.orgId });
  showSection(false);
}

/**
 * One section at a time, named by the address's #fragment (so Back works and a link can name
 * one); the first when none is named.
 * @param {boolean} focus move the focus to the section's heading (after a choice in the menu)
 */
function showSection(focus) {
  const boxes = /** @type {HTMLElement[]} */ ([
    ...$('admin-sections').querySelectorAll('section.admin-section'),
  ]);
  const wanted = location.hash.slice(1);
  const named = boxes.find((box) => box.id === wanted);
  // Another fragment (the skip link's) leaves the section shown as it is.
  const chosen = named ?? boxes.find((box) => box.id === shownSection) ?? boxes[0];
  shownSection = chosen?.id ?? '';
  for (const box of boxes) box.toggleAttribute('hidden', box !== chosen);
  for (const link of $('nav-list').querySelectorAll('a')) {
    if (link.getAttribute('href') === `#${chosen?.id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (focus && named) /** @type {HTMLElement | null | undefined} */ (named.querySelector('h2'))?.focus();
}

/** @param {string} candidate */
async function signIn(candidate) {
  try {
    current = await load(candidate);
    savedKey.set('admin', candidate);
    show(true);
    mountSections();
    await Promise.all([reload('organisations'), reload('shelters'), reload('items')]);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      current = undefined;
      savedKey.forget('admin');
      $('signin-error').textContent = messageFor(err);
      show(false);
    } else {
      $('load-error').textContent = messageFor(err);
      if (!current) {
        $('signin-error').textContent = messageFor(err);
        show(false);
      }
    }
  }
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    translateAdmin();
    if (current)
      $('who').textContent = at(current.me.role === 'admin' ? 'who.admin' : 'who.coordinator', {
        org: current.me.orgId,
      });
    renderAll();
  });
  translateAdmin();
  window.addEventListener('hashchange', () => showSection(true));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('signin-error').textContent = '';
    signIn($('signin-key', HTMLInputElement).value.trim());
  });
  $('sign-out').addEventListener('click', () => {
    savedKey.forget('admin');
    current = undefined;
    $('admin-sections').replaceChildren();
    $('who').textContent = '';
    $('signin-key', HTMLInputElement).value = '';
    $('signin-error').textContent = '';
    show(false);
  });
}

wire();
// Opened from an invitation (#invite=<code>): the landing exchanges it and signs in with the key.
const start = () => {
  const remembered = savedKey.get('admin');
  if (remembered) signIn(remembered);
  else show(false);
};
if (!landFromInvitation({ keyName: 'admin', signIn, start })) start();
