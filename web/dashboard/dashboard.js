// The logistics dashboard: stock everywhere, one item's history, recent movements, vouchers today.
// Movements are shown by type, time and quantities only; their free-text notes are not.
import { ApiError, api, getAll, NetworkError, savedKey } from '../common/api.js';
import { formatQuantity, formatTime, setupLanguageToggle, t } from '../common/i18n.js';
import { drawChart, runningBalance } from './stock-chart.js';
import { itemName, renderStockTable, renderToday } from './stock-table.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 60_000;

let key;
let data; // { shelters, items, balances, today, ledger, recent, loadedAt }

function show(signedIn) {
  $('view-signin').hidden = signedIn;
  $('view-board').hidden = !signedIn;
  $('refresh').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
}

function showSignIn(message = '') {
  key = undefined;
  $('signin-error').textContent = message;
  show(false);
}

function messageFor(err) {
  if (err instanceof ApiError && err.status === 401) return t('signin.rejected');
  if (err instanceof ApiError && err.status === 403) return t('signin.notLogistics');
  if (err instanceof NetworkError) return t('state.offline');
  return err.message;
}

function fillSelect(select, options, keep) {
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  if (options.some(([value]) => value === keep)) select.value = keep;
}

function renderSelectors() {
  const stocked = new Set(data.balances.map((balance) => balance.shelterId));
  fillSelect(
    $('chart-shelter'),
    data.shelters.filter((shelter) => stocked.has(shelter.id)).map((shelter) => [shelter.id, shelter.name]),
    $('chart-shelter').value,
  );
  const shelterId = $('chart-shelter').value;
  const items = new Set(data.balances.filter((b) => b.shelterId === shelterId).map((b) => b.itemId));
  fillSelect(
    $('chart-item'),
    data.items.filter((item) => items.has(item.id)).map((item) => [item.id, itemName(item)]),
    $('chart-item').value,
  );
}

function renderChart() {
  const item = data.items.find((candidate) => candidate.id === $('chart-item').value);
  if (!item || !data.ledger) return $('chart').replaceChildren();
  drawChart($('chart'), runningBalance(data.ledger, item.id), { unit: item.unit, label: itemName(item) });
}

function renderMovements() {
  const units = new Map(data.items.map((item) => [item.id, item]));
  const rows = (data.recent ?? []).map((movement) => {
    const li = document.createElement('li');
    li.dataset.type = movement.type;
    const lines = movement.lines
      .map((line) => {
        const item = units.get(line.itemId);
        const sign = line.quantity > 0 ? '+' : '';
        return `${sign}${formatQuantity(line.quantity, item?.unit)} ${item ? itemName(item) : line.itemId}`;
      })
      .join(', ');
    li.textContent = `${formatTime(movement.at)} · ${t(`movement.${movement.type}`)} · ${lines}`;
    return li;
  });
  $('movements').replaceChildren(...rows);
}

function render() {
  if (!data) return;
  renderStockTable($('stock'), data);
  renderToday($('today'), data.today, data.shelters);
  renderChart();
  renderMovements();
  $('updated').textContent = t('dash.updated', { time: formatTime(data.loadedAt) });
}

/** The chosen shelter's ledger: oldest first for the chart, newest first for the list. */
async function loadShelterDetail() {
  const shelterId = $('chart-shelter').value;
  if (!shelterId) return;
  const path = `/v1/shelters/${encodeURIComponent(shelterId)}/movements`;
  const [ledger, recent] = await Promise.all([
    getAll(key, `${path}?order=asc`),
    api(key, 'GET', `${path}?order=desc&limit=20`),
  ]);
  data.ledger = ledger;
  data.recent = recent.items;
}

async function load() {
  const utcOffsetMinutes = -new Date().getTimezoneOffset();
  const [shelters, items, balances, today] = await Promise.all([
    getAll(key, '/v1/shelters'),
    getAll(key, '/v1/items'),
    getAll(key, '/v1/stock'),
    api(key, 'GET', `/v1/reports/vouchers-today?utcOffsetMinutes=${utcOffsetMinutes}`),
  ]);
  data = { shelters, items, balances, today, loadedAt: new Date().toISOString() };
  renderSelectors();
  await loadShelterDetail();
  render();
}

/** A refused key signs out; anything else keeps the last figures on screen with the error above. */
function fail(err) {
  if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
    savedKey.forget('logistics');
    return showSignIn(messageFor(err));
  }
  $('board-error').textContent = messageFor(err);
}

function signIn(candidate) {
  key = candidate;
  load().then(
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
    if (data) renderSelectors();
    render();
  });
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('signin-key').value.trim());
  });
  $('refresh').addEventListener('click', () => load().then(() => ($('board-error').textContent = ''), fail));
  $('chart-shelter').addEventListener('change', () => {
    renderSelectors();
    loadShelterDetail().then(render, fail);
  });
  $('chart-item').addEventListener('change', renderChart);
  // The chart is drawn at its container's width: redraw when that changes (phone turned, window resized).
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => data && renderChart(), 200);
  });
  $('sign-out').addEventListener('click', () => {
    savedKey.forget('logistics');
    data = undefined;
    $('signin-key').value = '';
    showSignIn();
  });
  setInterval(() => {
    if (key && document.visibilityState === 'visible') load().catch(fail);
  }, REFRESH_MS);
}

wire();
const remembered = savedKey.get('logistics');
if (remembered) {
  key = remembered;
  show(true);
  load().catch(fail);
} else showSignIn();
