// What the coordinator does on /coordinator, each an API call or two: show a round or the list,
// create a round, forecast a list, issue it on the forecast's answer, reconcile, print.
import './coordinator-messages.js';
import { api, newIdempotencyKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { t } from '../common/i18n.js';
import { showErrors } from './error-summary.js';
import { decide, hasHouseholds } from './issue-check.js';
import { names, state } from './page-state.js';
import { readRoundForm, resetRoundForm } from './round-form.js';
import { fetchRounds, roundAddress, roundInAddress } from './round-list.js';
import { renderSheets } from './slip-sheet.js';

/** @typedef {import('../common/api-types.js').Round} Round */
/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').HouseholdIssueResult} HouseholdIssueResult */

/** Issuing 5,000 households takes a while; the server answers each row in one response. */
const ISSUE_TIMEOUT_MS = 300_000;

/** Shows the round the address names, or the list of rounds when it names none. */
export async function route() {
  const key = state.key;
  if (!key) return;
  const roundId = roundInAddress();
  if (roundId === undefined) {
    Object.assign(state, { round: undefined, forecast: undefined, pending: undefined, issued: undefined });
    const page = await fetchRounds(key);
    Object.assign(state, { rounds: page.items, roundsCursor: page.nextCursor });
    return;
  }
  if (state.round?.id === roundId) return;
  /** @type {Round} */
  const round = await api(key, 'GET', `/v1/rounds/${encodeURIComponent(roundId)}`);
  Object.assign(state, {
    round,
    forecast: undefined,
    pending: undefined,
    issued: undefined,
    vouchers: [],
    reconciliation: undefined,
    focus: 'round-title',
  });
  await reconcile();
}

export async function moreRounds() {
  const { key, roundsCursor } = state;
  if (!key || roundsCursor === null) return;
  const page = await fetchRounds(key, roundsCursor);
  Object.assign(state, { rounds: [...state.rounds, ...page.items], roundsCursor: page.nextCursor });
}

export async function createRound() {
  const key = state.key;
  if (!key) return;
  const form = readRoundForm(state.items);
  if ('errors' in form) return showErrors(form.errors);
  state.createKey ??= newIdempotencyKey();
  /** @type {Round} */
  const round = await api(key, 'POST', '/v1/rounds', {
    body: JSON.stringify(form.body),
    headers: { 'idempotency-key': state.createKey },
  });
  state.createKey = undefined;
  resetRoundForm(new Date());
  Object.assign(state, { round, rounds: [round, ...state.rounds], focus: 'round-title' });
  // The address names the round now; the hashchange finds it already shown.
  location.hash = roundAddress(round.id);
}

function csvText() {
  return $('csv', HTMLTextAreaElement).value;
}

/** @param {string} list */
async function forecastFor(list) {
  const { key, round } = state;
  if (!key || !round) throw new Error('no round');
  /** @type {Forecast} */
  const forecast = await api(key, 'POST', `/v1/rounds/${encodeURIComponent(round.id)}/forecast`, {
    body: list,
    headers: { 'content-type': 'text/csv' },
  });
  state.forecast = forecast;
  return forecast;
}

export async function forecast() {
  const list = csvText();
  if (!hasHouseholds(list)) return showErrors([{ field: 'csv', message: t('coord.err.emptyList') }]);
  await forecastFor(list);
}

/** "Open and issue": on the forecast's answer, never before it. */
export async function issue() {
  state.pending = undefined;
  const list = csvText();
  if (!hasHouseholds(list)) return showErrors([{ field: 'csv', message: t('coord.err.emptyList') }]);
  const next = decide(await forecastFor(list));
  if (next === 'nobody') return showErrors([{ field: 'csv', message: t('coord.err.nobody') }]);
  if (next === 'none-covered') return showErrors([{ field: 'csv', message: t('coord.err.noneCovered') }]);
  if (next === 'confirm') {
    state.pending = list;
    state.focus = 'check-title';
    return;
  }
  await openAndIssue(list);
}

/** The coordinator confirmed a partial issue of the list it checked; a list changed since is checked again. */
export async function confirmIssue() {
  const list = state.pending;
  state.pending = undefined;
  if (list === undefined) return;
  if (csvText() !== list) return issue();
  await openAndIssue(list);
}

/** @param {string} list */
async function openAndIssue(list) {
  const { key } = state;
  let { round } = state;
  if (!key || !round) return;
  const path = `/v1/rounds/${encodeURIComponent(round.id)}`;
  if (round.status === 'draft') {
    const openKey = state.openKeys.get(round.id) ?? newIdempotencyKey();
    state.openKeys.set(round.id, openKey);
    round = /** @type {Round} */ (
      await api(key, 'POST', `${path}/open`, { headers: { 'idempotency-key': openKey } })
    );
    state.round = round;
  }
  /** @type {HouseholdIssueResult} */
  const result = await api(key, 'POST', `${path}/households`, {
    body: list,
    headers: { 'content-type': 'text/csv' },
    timeoutMs: ISSUE_TIMEOUT_MS,
  });
  state.issued = result;
  // The forecast was of the stock before this issue: the results now say what happened.
  state.forecast = undefined;
  // Each voucher carries its row's slip language (the server keeps it on the voucher).
  state.vouchers = result.results.flatMap((row) => (row.voucher === undefined ? [] : [row.voucher]));
  await reconcile();
}

export async function reconcile() {
  const { key, round } = state;
  if (!key || !round || round.status === 'draft') return;
  state.reconciliation = await api(key, 'GET', `/v1/rounds/${encodeURIComponent(round.id)}/reconciliation`);
}

export async function print() {
  const { key, round } = state;
  if (!key || !round) return;
  if (state.vouchers.length === 0) return showErrors([{ message: t('coord.noSlips') }]);
  const items = new Map(state.items.map((item) => [item.id, item]));
  const sheet = $('sheet');
  await renderSheets(sheet, key, state.vouchers, round, { items, shelterName: names.shelter });
  sheet.hidden = false;
  window.print();
}
