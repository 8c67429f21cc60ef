// The round's tables: forecast, per-row results, reconciliation. Text only (textContent), never HTML.
import { formatNumber, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').HouseholdIssueResult} HouseholdIssueResult */
/** @typedef {import('../common/api-types.js').Reconciliation} Reconciliation */

/**
 * @param {HTMLTableElement} table
 * @param {string[]} headings
 * @param {Array<Array<string | number>>} rows
 * @param {Array<Record<string, string>>} [data] each row's data- attributes
 */
function fill(table, headings, rows, data = []) {
  const head = document.createElement('tr');
  for (const heading of headings) {
    const th = document.createElement('th');
    th.textContent = heading;
    head.append(th);
  }
  const body = rows.map((cells, index) => {
    const tr = document.createElement('tr');
    Object.assign(tr.dataset, data[index] ?? {});
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = typeof cell === 'number' ? formatNumber(cell) : cell;
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(head, ...body);
}

/**
 * @param {HTMLTableElement} table
 * @param {Forecast} forecast
 * @param {(itemId: string) => string} itemName
 */
export function renderForecast(table, forecast, itemName) {
  fill(
    table,
    [t('coord.item'), t('coord.needed'), t('coord.available'), t('coord.short'), t('coord.cover')],
    forecast.rows.map((row) => [
      `${itemName(row.itemId)} (${row.unit})`,
      row.needed,
      row.available,
      row.shortfall,
      row.daysOfCoverAfter ?? '–',
    ]),
    forecast.rows.map((row) => ({ item: row.itemId, short: String(row.shortfall > 0) })),
  );
}

/**
 * @param {HTMLTableElement} table
 * @param {HouseholdIssueResult} result
 */
export function renderResults(table, result) {
  fill(
    table,
    [t('coord.row'), t('coord.outcome'), t('coord.code')],
    result.results.map((row) => [
      row.row,
      row.outcome === 'issued' ? t('coord.issued') : `${t('coord.refused')}: ${row.problem?.reason ?? ''}`,
      row.voucher?.code ?? row.problem?.detail ?? '',
    ]),
    result.results.map((row) => ({ row: String(row.row), outcome: row.outcome })),
  );
}

/**
 * @param {HTMLTableElement} table
 * @param {Reconciliation} report
 * @param {(itemId: string) => string} itemName
 */
export function renderReconciliation(table, report, itemName) {
  fill(
    table,
    [
      t('coord.item'),
      t('coord.issued'),
      t('coord.redeemed'),
      t('coord.voided'),
      t('coord.expired'),
      t('coord.outstanding'),
      t('coord.ledgerOut'),
      t('coord.agrees'),
    ],
    report.rows.map((row) => [
      itemName(row.itemId),
      row.vouchersIssued,
      row.vouchersRedeemed,
      row.vouchersVoided,
      row.vouchersExpired,
      row.vouchersOutstanding,
      row.ledgerOut,
      row.agrees ? t('coord.yes') : t('coord.no'),
    ]),
    report.rows.map((row) => ({ item: row.itemId, shelter: row.shelterId })),
  );
}
