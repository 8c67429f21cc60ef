// The logistics dashboard: stock everywhere, one item's history, recent movements, vouchers today.
// Movements are shown by type, time, quantities and who did them; their free-text notes are not.
// The page's own words first: every module below may translate with them.
import './dashboard-messages.js';
import { ApiError, apiCall, listAll, NetworkError, savedKey } from '../common/api.js';
import { $ } from '../common/dom.js';
import { formatQuantity, formatTime, setupLanguageToggle, t } from '../common/i18n.js';
import { landFromInvitation } from '../common/invitation-link.js';
import { drawChart, runningBalance } from './stock-chart.js';
import { itemName, renderStockTable, renderToday } from './stock-table.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Listing<Movement>} MovementPage */
/** @typedef {import('../common/api-types.js').Movement} Movement */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').StockView} StockView */
/** @typedef {import('../common/api-types.js').VouchersToday} VouchersToday */

/**
 * What the board shows, as last loaded; the chosen shelter's ledger once it has come.
 * @typedef {{
 *   shelters: Shelter[],
 *   items: Item[],
 *   balances: StockView[],
 *   today: VouchersToday,
 *   loadedAt: string,
 *   ledger?: Movement[],
 *   recent?: Movement[],
 * }} Board
 */

const REFRESH_MS = 60_000;

/** @type {string | undefined} */
let key;
/** @type {Board | undefined} */
let data;

/** @param {boolean} signedIn */
function show(signedIn) {
  $('view-signin').hidden = signedIn;
  $('view-board').hidden = !signedIn;
  $('refresh').hidden = !signedIn;
  $('to-desk').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
}

function showSignIn(message = '') {
  key = undefined;
  $('signin-error').textContent = message;
  show(false);
}

/** @param {unknown} err */
function messageFor(err) {
  if (err instanceof ApiError && err.status === 401) return t('signin.rejected');
  if (err instanceof ApiError && err.status === 403) return t('signin.notLogistics');
  if (err instanceof NetworkError) return t('state.offline');
  return err instanceof Error ? err.message : String(err);
}

/**
 * @param {HTMLSelectElement} select
 * @param {Array<[value: string, label: string]>} options
 * @param {string} keep
 */
function fillSelect(select, options, keep) {
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  if (options.some(([value]) => value === keep)) select.value = keep;
}

/** @param {Board} board */
function renderSelectors(board) {
  const shelterSelect = $('chart-shelter', HTMLSelectElement);
  const itemSelect = $('chart-item', HTMLSelectElement);
  const stocked = new Set(board.balances.map((balance) => balance.shelterId));
  fillSelect(
    shelterSelect,
    board.shelters.filter((shelter) => stocked.has(shelter.id)).map((shelter) => [shelter.id, shelter.name]),
    shelterSelect.value,
  );
  const shelterId = shelterSelect.value;
  const items = new Set(board.balances.filter((b) => b.shelterId === shelterId).map((b) => b.itemId));
  fillSelect(
    itemSelect,
    board.items.filter((item) => items.has(item.id)).map((item) => [item.id, itemName(item)]),
    itemSelect.value,
  );
}

function renderChart() {
  const chosen = $('chart-item', HTMLSelectElement).value;
  const item = data?.items.find((candidate) => candidate.id === chosen);
  if (!item || !data?.ledger) return $('chart').replaceChildren();
  drawChart($('chart'), runningBalance(data.ledger, item.id), { unit: item.unit, label: itemName(item) });
}

/** @param {Board} board */
function renderMovements(board) {
  const units = new Map(board.items.map((item) => [item.id, item]));
  const rows = (board.recent ?? []).map((movement) => {
    const li = document.createElement('li');
    li.dataset.type = movement.type;
    const lines = movement.lines
      .map((line) => {
        const item = units.get(line.itemId);
        const sign = line.quantity > 0 ? '+' : '';
        return `${sign}${formatQuantity(line.quantity, item?.unit)} ${item ? itemName(item) : line.itemId}`;
      })
      .join(', ');
    const parts = [formatTime(movement.at), t(`movement.${movement.type}`), lines];
    // Who did it, when a person's key did (a partner system's key names nobody).
    if (movement.actorName) parts.push(t('movement.by', { name: movement.actorName }));
    li.textContent = parts.join(' · ');
    return li;
  });
  $('movements').replaceChildren(...rows);
}

function render() {
  if (!data) return;
  renderStockTable($('stock', HTMLTableElement), data);
  renderToday($('today', HTMLTableElement), data.today, data.shelters);
  renderChart();
  renderMovements(data);
  $('updated').textContent = t('dash.updated', { time: formatTime(data.loadedAt) });
}

/**
 * The chosen shelter's ledger: oldest first for the chart, newest first for the list.
 * @param {string} forKey
 * @param {Board} board
 */
async function loadShelterDetail(forKey, board) {
  const shelterId = $('chart-shelter', HTMLSelectElement).value;
  if (!shelterId) return;
  const path = '/v1/shelters/{id}/movements';
  const [ledger, recent] = await Promise.all([
    listAll(forKey, path, { path: { id: shelterId }, query: { order: 'asc' } }),
    apiCall(forKey, 'GET', path, { path: { id: shelterId }, query: { order: 'desc', limit: 20 } }),
  ]);
  board.ledger = ledger;
  board.recent = recent.items;
}

/**
 * Loads the whole board with `forKey` and shows it, unless that key was signed out meanwhile.
 * @param {string} forKey
 */
async function load(forKey) {
  const utcOffsetMinutes = -new Date().getTimezoneOffset();
  const [shelters, items, balances, today] = await Promise.all([
    listAll(forKey, '/v1/shelters'),
    listAll(forKey, '/v1/items'),
    listAll(forKey, '/v1/stock'),
    apiCall(forKey, 'GET', '/v1/reports/vouchers-today', { query: { utcOffsetMinutes } }),
  ]);
  /** @type {Board} */
  const board = { shelters, items, balances, today, loadedAt: new Date().toISOString() };
  renderSelectors(board);
  await loadShelterDetail(forKey, board);
  if (forKey !== key) return;
  data = board;
  render();
}

/**
 * A refused key signs out; anything else keeps the last figures on screen with the error above.
 * A failure for a key signed out meanwhile says nothing.
 * @param {string} forKey
 * @param {unknown} err
 */
function fail(forKey, err) {
  if (forKey !== key) return;
  if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
    savedKey.forget('logistics');
    return showSignIn(messageFor(err));
  }
  $('board-error').textContent = messageFor(err);
}

/** Loads the board again for the key signed in now, if any; success clears the last error. */
function reload() {
  const forKey = key;
  if (forKey === undefined) return;
  load(forKey).then(
    () => {
      $('board-error').textContent = '';
    },
    (err) => fail(forKey, err),
  );
}

/** @param {string} candidate */
function signIn(candidate) {
  key = candidate;
  load(candidate).then(
    () => {
      savedKey.set('logistics', candidate);
      show(true);
      // Drawn again now that it is visible and has a width to fit.
      renderChart();
    },
    (err) => showSignIn(messageFor(err)),
  );
}

function wire() {
  setupLanguageToggle($('lang'), () => {
    if (data) renderSelectors(data);
    render();
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key', HTMLInputElement).value.trim());
  });
  $('refresh').addEventListener('click', reload);
  $('chart-shelter').addEventListener('change', () => {
    const [forKey, board] = [key, data];
    if (forKey === undefined || board === undefined) return;
    renderSelectors(board);
    loadShelterDetail(forKey, board).then(render, (err) => fail(forKey, err));
  });
  $('chart-item').addEventListener('change', renderChart);
  // The chart is drawn at its container's width: redraw when that changes (phone turned, window resized).
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => data && renderChart(), 200);
  });
  $('sign-out').addEventListener('click', () => {
    savedKey.forget('logistics');
    data = undefined;
    $('signin-key', HTMLInputElement).value = '';
    showSignIn();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') reload();
  }, REFRESH_MS);
}

/** With the key this device keeps, or the sign-in. */
function start() {
  const remembered = savedKey.get('logistics');
  if (remembered) {
    key = remembered;
    show(true);
    reload();
  } else showSignIn();
}

wire();
if (!landFromInvitation({ keyName: 'logistics', signIn, start })) start();
