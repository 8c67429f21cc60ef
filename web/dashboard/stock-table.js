// The stock table: one row per shelter, one column per item, problems highlighted.
import './dashboard-messages.js';
import { formatAmount, formatNumber, lang, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-types.js').Shelter} Shelter */
/** @typedef {import('../common/api-types.js').StockView} StockView */
/** @typedef {import('../common/api-types.js').VouchersToday} VouchersToday */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {Item} item */
export function itemName(item) {
  return lang() === 'km' && item.nameKm ? item.nameKm : item.name;
}

/**
 * A shortfall (promised more than is there) outranks low stock.
 * @param {StockView} balance
 */
function severity(balance) {
  if (balance.available < 0) return 'short';
  if (balance.lowStock) return 'low';
  return '';
}

/**
 * @param {StockView} balance
 * @param {Item} item
 */
function cell(balance, item) {
  const td = element('td', severity(balance));
  td.dataset.shelter = balance.shelterId;
  td.dataset.item = balance.itemId;
  // Shown beside the figures when a phone lays each shelter out as a list (dashboard.css).
  td.dataset.label = item ? itemName(item) : balance.itemId;
  td.append(
    element('span', 'available', formatAmount(balance.available, item?.unit)),
    element(
      'span',
      'sub',
      `${t('dash.onHand')}\u00a0${formatNumber(balance.onHand)} · ${t('dash.reserved')}\u00a0${formatNumber(balance.reserved)}`,
    ),
  );
  if (balance.daysOfCover !== null) {
    td.append(element('span', 'days', t('dash.days', { days: formatNumber(balance.daysOfCover) })));
  }
  return td;
}

/**
 * `balances` from GET /v1/stock; items without any balance get no column.
 * @param {HTMLTableElement} table
 * @param {{ shelters: Shelter[], items: Item[], balances: StockView[] }} stock
 */
export function renderStockTable(table, { shelters, items, balances }) {
  const byKey = new Map(balances.map((balance) => [`${balance.shelterId}#${balance.itemId}`, balance]));
  const stocked = new Set(balances.map((balance) => balance.itemId));
  const columns = items.filter((item) => stocked.has(item.id));
  const rows = shelters.filter((shelter) => balances.some((balance) => balance.shelterId === shelter.id));

  const head = element('tr');
  head.append(
    element('th', '', t('dash.shelter')),
    ...columns.map((item) => element('th', '', itemName(item))),
  );
  const body = rows.map((shelter) => {
    const tr = element('tr');
    const name = element('th', '', shelter.name);
    name.scope = 'row';
    tr.append(name);
    for (const item of columns) {
      const balance = byKey.get(`${shelter.id}#${item.id}`);
      tr.append(balance ? cell(balance, item) : element('td', 'none', '–'));
    }
    return tr;
  });
  const thead = element('thead');
  thead.append(head);
  const tbody = element('tbody');
  tbody.append(...body);
  table.replaceChildren(thead, tbody);
  if (rows.length === 0) table.replaceChildren(element('caption', 'muted', t('dash.noData')));
}

/**
 * GET /v1/reports/vouchers-today, one row per shelter.
 * @param {HTMLTableElement} table
 * @param {VouchersToday} report
 * @param {Shelter[]} shelters
 */
export function renderToday(table, report, shelters) {
  const names = new Map(shelters.map((shelter) => [shelter.id, shelter.name]));
  const head = element('tr');
  head.append(
    element('th', '', t('dash.shelter')),
    element('th', 'num', t('dash.issued')),
    element('th', 'num', t('dash.redeemed')),
  );
  const rows = report.shelters.map((row) => {
    const tr = element('tr');
    tr.dataset.shelter = row.shelterId;
    tr.append(
      element('th', '', names.get(row.shelterId) ?? row.shelterId),
      element('td', 'num issued', formatNumber(row.issued)),
      element('td', 'num redeemed', formatNumber(row.redeemed)),
    );
    return tr;
  });
  table.replaceChildren(head, ...rows);
}
