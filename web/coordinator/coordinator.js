// The coordinator's page: a round from rule templates, a household CSV, the forecast, issuing,
// the slips printed from this page, and the reconciliation. Beneficiary references are sent to
// the API only (which pseudonymises them) and are never shown back, stored or printed here.
import { ApiError, api, getAll, NetworkError, newIdempotencyKey, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { setupLanguageToggle, t } from '../common/i18n.js';
import { renderForecast, renderReconciliation, renderResults } from './round-tables.js';
import { availableTemplates } from './rule-templates.js';
import { renderSheets } from './slip-sheet.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').Round} Round */
/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').HouseholdIssueResult} HouseholdIssueResult */
/** @typedef {import('../common/api-types.js').Reconciliation} Reconciliation */
/** @typedef {import('./slip-sheet.js').SlipVoucher} SlipVoucher */

/** Issuing 5,000 households takes a while; the server answers each row in one response. */
const ISSUE_TIMEOUT_MS = 300_000;

/**
 * @type {{
 *   key?: string,
 *   items: Item[],
 *   shelters: Shelter[],
 *   round?: Round,
 *   forecast?: Forecast,
 *   issued?: HouseholdIssueResult,
 *   vouchers: SlipVoucher[],
 *   reconciliation?: Reconciliation,
 * }}
 */
const state = { items: [], shelters: [], vouchers: [] };

/** @param {boolean} signedIn */
function show(signedIn) {
  $('view-signin').hidden = signedIn;
  $('view-rounds').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
}

/** @param {unknown} err */
function messageFor(err) {
  if (err instanceof ApiError && err.status === 401) return t('signin.rejected');
  if (err instanceof ApiError && err.status === 403) return t('signin.notCoordinator');
  if (err instanceof NetworkError) return t('state.offline');
  if (err instanceof ApiError) {
    const fields = /** @type {Array<{ field: string, message: string }> | undefined} */ (err.problem.errors);
    const detail = (fields ?? []).map((field) => `${field.field}: ${field.message}`).join('; ');
    return detail === '' ? err.message : `${err.message} (${detail})`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** @param {unknown} err */
function fail(err) {
  if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
    savedKey.forget('coordinator');
    state.key = undefined;
    $('signin-error').textContent = messageFor(err);
    return show(false);
  }
  $('error').textContent = messageFor(err);
}

/** @param {string} itemId */
function itemName(itemId) {
  const item = state.items.find((candidate) => candidate.id === itemId);
  if (!item) return itemId;
  return document.documentElement.lang === 'km' && item.nameKm ? item.nameKm : item.name;
}

/** @param {string} shelterId */
function shelterName(shelterId) {
  return state.shelters.find((shelter) => shelter.id === shelterId)?.name ?? shelterId;
}

/** A date input's day, as an instant in Phnom Penh time (UTC+7). */
function phnomPenhInstant(/** @type {string} */ day, /** @type {string} */ time) {
  return `${day}T${time}+07:00`;
}

/** @param {Date} date */
function phnomPenhDay(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Phnom_Penh', dateStyle: 'short' }).format(date);
}

function renderTemplates() {
  const fieldset = $('templates');
  const legend = fieldset.querySelector('legend');
  const boxes = availableTemplates(state.items).map((template) => {
    const label = document.createElement('label');
    label.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    input.value = template.id;
    input.dataset.template = template.id;
    label.append(input, ` ${t(template.label)}`);
    return label;
  });
  fieldset.replaceChildren(...(legend ? [legend] : []), ...boxes);
}

function renderRound() {
  const { round } = state;
  $('households').hidden = round === undefined;
  $('reconciliation').hidden = round === undefined || round.status === 'draft';
  $('round-status').textContent = round
    ? t('coord.round', { name: round.name, status: round.status, version: round.rulesVersion })
    : '';
}

function render() {
  renderRound();
  if (state.forecast) renderForecast($('forecast-table', HTMLTableElement), state.forecast, itemName);
  if (state.issued) {
    renderResults($('results-table', HTMLTableElement), state.issued);
    $('results-summary').textContent = t('coord.summary', {
      issued: state.issued.issued,
      replayed: state.issued.replayed,
      refused: state.issued.refused,
    });
  }
  $('results').hidden = state.issued === undefined;
  if (state.reconciliation) {
    renderReconciliation($('reconciliation-table', HTMLTableElement), state.reconciliation, itemName);
  }
}

/**
 * Runs `work` with the page's buttons disabled, showing its error if it fails.
 * @param {() => Promise<void>} work
 */
async function busy(work) {
  const buttons = [...document.querySelectorAll('#view-rounds button')];
  for (const button of buttons) button.setAttribute('disabled', '');
  $('error').textContent = '';
  try {
    await work();
  } catch (err) {
    fail(err);
  } finally {
    for (const button of buttons) button.removeAttribute('disabled');
    render();
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
  renderTemplates();
  const today = new Date();
  $('round-from', HTMLInputElement).value = phnomPenhDay(today);
  $('round-until', HTMLInputElement).value = phnomPenhDay(new Date(today.getTime() + 13 * 86_400_000));
}

async function createRound() {
  const key = state.key;
  if (!key) return;
  const chosen = new Set(
    [...document.querySelectorAll('#templates input:checked')].map((input) => input.getAttribute('value')),
  );
  const rules = availableTemplates(state.items)
    .filter((template) => chosen.has(template.id))
    .map((template) => template.rule);
  const body = JSON.stringify({
    name: $('round-name', HTMLInputElement).value.trim(),
    shelterIds: [$('round-shelter', HTMLSelectElement).value],
    validFrom: phnomPenhInstant($('round-from', HTMLInputElement).value, '00:00:00'),
    validUntil: phnomPenhInstant($('round-until', HTMLInputElement).value, '23:59:00'),
    rules,
  });
  /** @type {Round} */
  const round = await api(key, 'POST', '/v1/rounds', {
    body,
    headers: { 'idempotency-key': newIdempotencyKey() },
  });
  Object.assign(state, { round, forecast: undefined, issued: undefined, vouchers: [] });
}

function csvText() {
  return $('csv', HTMLTextAreaElement).value;
}

async function forecast() {
  const { key, round } = state;
  if (!key || !round) return;
  state.forecast = await api(key, 'POST', `/v1/rounds/${encodeURIComponent(round.id)}/forecast`, {
    body: csvText(),
    headers: { 'content-type': 'text/csv' },
  });
}

async function issue() {
  const { key } = state;
  let { round } = state;
  if (!key || !round) return;
  const path = `/v1/rounds/${encodeURIComponent(round.id)}`;
  if (round.status === 'draft') {
    round = /** @type {Round} */ (
      await api(key, 'POST', `${path}/open`, { headers: { 'idempotency-key': newIdempotencyKey() } })
    );
    state.round = round;
  }
  /** @type {HouseholdIssueResult} */
  const result = await api(key, 'POST', `${path}/households`, {
    body: csvText(),
    headers: { 'content-type': 'text/csv' },
    timeoutMs: ISSUE_TIMEOUT_MS,
  });
  state.issued = result;
  // Each voucher carries its row's slip language (the server keeps it on the voucher).
  state.vouchers = result.results.flatMap((row) => (row.voucher === undefined ? [] : [row.voucher]));
  await reconcile();
}

async function reconcile() {
  const { key, round } = state;
  if (!key || !round || round.status === 'draft') return;
  state.reconciliation = await api(key, 'GET', `/v1/rounds/${encodeURIComponent(round.id)}/reconciliation`);
}

async function print() {
  const { key, round } = state;
  if (!key || !round) return;
  if (state.vouchers.length === 0) throw new Error(t('coord.noSlips'));
  const items = new Map(state.items.map((item) => [item.id, item]));
  const sheet = $('sheet');
  await renderSheets(sheet, key, state.vouchers, round, { items, shelterName });
  sheet.hidden = false;
  window.print();
}

/** @param {string} candidate */
function signIn(candidate) {
  state.key = candidate;
  load(candidate).then(
    () => {
      savedKey.set('coordinator', candidate);
      show(true);
    },
    (err) => {
      state.key = undefined;
      $('signin-error').textContent = messageFor(err);
      show(false);
    },
  );
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    renderTemplates();
    render();
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim());
  });
  $('round-form').addEventListener('submit', (event) => {
    event.preventDefault();
    busy(createRound);
  });
  $('csv-file').addEventListener('change', () => {
    const file = $('csv-file', HTMLInputElement).files?.[0];
    if (file) file.text().then((text) => ($('csv', HTMLTextAreaElement).value = text), fail);
  });
  $('forecast').addEventListener('click', () => busy(forecast));
  $('issue').addEventListener('click', () => busy(issue));
  $('reconcile').addEventListener('click', () => busy(reconcile));
  $('print').addEventListener('click', () => busy(print));
  $('sign-out').addEventListener('click', () => {
    savedKey.forget('coordinator');
    state.key = undefined;
    $('signin-key', HTMLInputElement).value = '';
    $('signin-error').textContent = '';
    show(false);
  });
}

wire();
const remembered = savedKey.get('coordinator');
if (remembered) {
  state.key = remembered;
  show(true);
  load(remembered).catch(fail);
} else show(false);
