// The coordinator's page: the rounds already made (each reopens), a new round from rule templates,
// a household CSV, the forecast, issuing on the forecast's answer (or after the coordinator
// confirms a partial issue), the slips printed from this page, and the reconciliation.
// Beneficiary references are sent to the API only (which pseudonymises them) and are never shown
// back, stored or printed here.
// The page's own words first: every module below may translate with them.
import './coordinator-messages.js';
import { ApiError, api, getAll, NetworkError, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { landFromInvitation } from '../common/invitation-link.js';
import { clearErrors, showErrors } from './error-summary.js';
import { localName, state } from './page-state.js';
import {
  confirmIssue,
  createRound,
  forecast,
  issue,
  moreRounds,
  print,
  reconcile,
  route,
} from './round-actions.js';
import { formFieldOf, renderTemplates, resetRoundForm, showChosenDays } from './round-form.js';
import { render } from './round-view.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('./error-summary.js').PageField} PageField */

/** @param {boolean} signedIn */
function show(signedIn) {
  $('view-signin').hidden = signedIn;
  $('view-rounds').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
}

/**
 * An error as the page shows it: a refused key signs out; a problem's field errors go beside the
 * page's fields where `fieldOf` knows them; anything else is listed in the summary.
 * @param {unknown} err
 * @param {(serverField: string) => PageField | undefined} fieldOf
 */
function fail(err, fieldOf) {
  if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
    savedKey.forget('coordinator');
    state.key = undefined;
    $('signin-error').textContent = err.status === 401 ? t('signin.rejected') : t('signin.notCoordinator');
    return show(false);
  }
  if (err instanceof NetworkError) return showErrors([{ message: t('state.offline') }]);
  if (!(err instanceof ApiError))
    return showErrors([{ message: err instanceof Error ? err.message : String(err) }]);
  const fields = /** @type {Array<{ field: string, message: string }>} */ (err.problem.errors ?? []);
  const placed = fields.flatMap(({ field, message }) => {
    const page = fieldOf(field);
    return page === undefined ? [] : [{ field: page, message: `${err.message} ${message}` }];
  });
  const unplaced = fields.filter(({ field }) => fieldOf(field) === undefined);
  const detail = unplaced.map(({ field, message }) => `${field}: ${message}`).join('; ');
  showErrors([
    ...placed,
    ...(placed.length > 0 && unplaced.length === 0
      ? []
      : [{ message: detail === '' ? err.message : `${err.message} (${detail})` }]),
  ]);
}

/** The household list's errors (an empty list, an unreadable CSV) belong beside the list. */
const csvField = (/** @type {string} */ field) =>
  field === 'body' || field.startsWith('body.') || field === 'households' ? 'csv' : undefined;

/**
 * Runs `work` with the page's buttons disabled; its error is shown with `fieldOf` placing the
 * server's field errors. The focus then goes where the work asked (a new step's heading).
 * @param {() => Promise<void>} work
 * @param {(serverField: string) => PageField | undefined} [fieldOf]
 */
async function busy(work, fieldOf = () => undefined) {
  const buttons = [...document.querySelectorAll('#view-rounds button')];
  for (const button of buttons) button.setAttribute('disabled', '');
  clearErrors();
  try {
    await work();
  } catch (err) {
    fail(err, fieldOf);
  } finally {
    for (const button of buttons) button.removeAttribute('disabled');
    render();
    if (state.focus) $(state.focus).focus();
    state.focus = undefined;
  }
}

/** @param {string} key */
async function load(key) {
  /** @type {[import('../common/api-types.js').Me, Item[], Shelter[]]} */
  const [me, items, shelters] = await Promise.all([
    api(key, 'GET', '/v1/me'),
    getAll(key, '/v1/items'),
    getAll(key, '/v1/shelters'),
  ]);
  // Other roles can read the catalogue, but only a coordinator issues a round's households.
  if (me.role !== 'coordinator') throw new ApiError(403, undefined);
  state.items = items;
  state.shelters = shelters;
  const select = $('round-shelter', HTMLSelectElement);
  select.replaceChildren(...state.shelters.map((shelter) => new Option(shelter.name, shelter.id)));
  renderTemplates(state.items, localName);
  resetRoundForm(new Date());
}

/** @param {string} candidate */
function signIn(candidate) {
  state.key = candidate;
  load(candidate).then(
    () => {
      savedKey.set('coordinator', candidate);
      show(true);
      busy(route);
    },
    (err) => {
      state.key = undefined;
      $('signin-error').textContent =
        err instanceof ApiError && err.status === 403 ? t('signin.notCoordinator') : t('signin.rejected');
      if (err instanceof NetworkError) $('signin-error').textContent = t('state.offline');
      show(false);
    },
  );
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    renderTemplates(state.items, localName);
    showChosenDays();
    render();
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim());
  });
  $('round-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(createRound, formFieldOf);
  });
  // A changed form is another intended round: it gets its own Idempotency-Key.
  $('round-form').addEventListener('input', () => {
    state.createKey = undefined;
    showChosenDays();
  });
  $('csv').addEventListener('input', () => {
    if (state.pending === undefined) return;
    state.pending = undefined;
    render();
  });
  $('csv-file').addEventListener('change', () => {
    const file = $('csv-file', HTMLInputElement).files?.[0];
    if (file)
      file.text().then(
        (text) => {
          $('csv', HTMLTextAreaElement).value = text;
          state.pending = undefined;
          render();
        },
        (err) => showErrors([{ field: 'csv', message: String(err) }]),
      );
  });
  $('more-rounds').addEventListener('click', () => busy(moreRounds));
  $('all-rounds').addEventListener('click', () => {
    location.hash = '';
  });
  window.addEventListener('hashchange', () => busy(route));
  $('forecast').addEventListener('click', () => busy(forecast, csvField));
  $('issue').addEventListener('click', () => busy(issue, csvField));
  $('confirm-issue').addEventListener('click', () => busy(confirmIssue, csvField));
  $('cancel-issue').addEventListener('click', () => {
    state.pending = undefined;
    render();
    $('csv').focus();
  });
  $('reconcile').addEventListener('click', () => busy(reconcile));
  $('print').addEventListener('click', () => busy(print));
  $('sign-out').addEventListener('click', () => {
    savedKey.forget('coordinator');
    Object.assign(state, {
      key: undefined,
      round: undefined,
      rounds: [],
      forecast: undefined,
      issued: undefined,
    });
    $('signin-key', HTMLInputElement).value = '';
    $('signin-error').textContent = '';
    show(false);
  });
}

/** With the key this device keeps, or the sign-in. */
function start() {
  const remembered = savedKey.get('coordinator');
  if (remembered) {
    state.key = remembered;
    show(true);
    load(remembered).then(
      () => busy(route),
      (err) => fail(err, () => undefined),
    );
  } else show(false);
}

wire();
if (!landFromInvitation({ keyName: 'coordinator', signIn, start })) start();
