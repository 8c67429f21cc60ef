// The round's tables and lists: forecast, the rows refused (each with its reason), the vouchers
// issued, reconciliation. Text only (textContent), never HTML; every number through i18n.
import './coordinator-messages.js';
import { formatAmount, formatNumber, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').ForecastRefusal} ForecastRefusal */
/** @typedef {import('../common/api-types.js').HouseholdIssueResult} HouseholdIssueResult */
/** @typedef {import('../common/api-types.js').HouseholdResult} HouseholdResult */
/** @typedef {import('../common/api-types.js').Reconciliation} Reconciliation */
/**
 * How the page names what the server sends by id.
 * @typedef {{ item: (itemId: string) => string, unit: (itemId: string) => string | undefined, shelter: (shelterId: string) => string }} Names
 */

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
 * Per item (and shelter, when the round has several): needed, available, short, days of cover after.
 * @param {HTMLTableElement} table
 * @param {Forecast} forecast
 * @param {Names} names
 */
export function renderForecast(table, forecast, names) {
  const several = new Set(forecast.rows.map((row) => row.shelterId)).size > 1;
  fill(
    table,
    [t('coord.item'), t('coord.needed'), t('coord.available'), t('coord.short'), t('coord.cover')],
    forecast.rows.map((row) => [
      several ? `${names.shelter(row.shelterId)} · ${names.item(row.itemId)}` : names.item(row.itemId),
      formatAmount(row.needed, row.unit),
      formatAmount(row.available, row.unit),
      formatAmount(row.shortfall, row.unit),
      row.daysOfCoverAfter ?? '–',
    ]),
    forecast.rows.map((row) => ({
      item: row.itemId,
      shelter: row.shelterId,
      short: String(row.shortfall > 0),
    })),
  );
}

/**
 * Why a row is refused, in the chosen language. Only `invalid` carries the server's own words
 * (which field, and what is wrong with it); the other reasons say all there is to say.
 * @param {NonNullable<HouseholdResult['problem']>} problem
 * @param {Names} names
 */
export function reasonText(problem, names) {
  switch (problem.reason) {
    case 'invalid':
      return t('reason.invalid', { field: problem.field ?? '', detail: problem.detail });
    case 'insufficient-stock': {
      const items = (problem.shortItems ?? []).map((short) =>
        t('coord.shortItem', {
          item: names.item(short.itemId),
          requested: formatAmount(short.requested, names.unit(short.itemId)),
          available: formatAmount(short.available, names.unit(short.itemId)),
        }),
      );
      return t('reason.insufficient-stock', { items: items.join('; ') });
    }
    default:
      return t(`reason.${problem.reason}`);
  }
}

/**
 * One line per refused row, every one of them: "Row 6: not valid (householdSize: ...)".
 * @param {HTMLElement} list
 * @param {ForecastRefusal[]} refusals
 * @param {Names} names
 */
export function renderRefusals(list, refusals, names) {
  list.replaceChildren(
    ...refusals.map((refusal) => {
      const li = document.createElement('li');
      li.dataset.row = String(refusal.row);
      li.dataset.reason = refusal.reason;
      li.textContent = `${t('coord.rowN', { row: refusal.row })}: ${reasonText(refusal, names)}`;
      return li;
    }),
  );
}

/**
 * The refused rows of an issue, as refusals.
 * @param {HouseholdIssueResult} result
 * @returns {ForecastRefusal[]}
 */
export function refusalsOf(result) {
  return result.results.flatMap((row) =>
    row.outcome === 'refused' && row.problem !== undefined ? [{ row: row.row, ...row.problem }] : [],
  );
}

/**
 * The vouchers issued (or already held), by row, with the code a household would type.
 * @param {HTMLTableElement} table
 * @param {HouseholdIssueResult} result
 */
export function renderResults(table, result) {
  const issued = result.results.filter((row) => row.outcome === 'issued');
  fill(
    table,
    [t('coord.row'), t('coord.code')],
    issued.map((row) => [row.row, row.voucher?.code ?? '']),
    issued.map((row) => ({ row: String(row.row), outcome: row.outcome })),
  );
  // A voucher code is not a number to translate: it is typed as printed.
  for (const cell of table.querySelectorAll('tr td:last-child')) cell.setAttribute('translate', 'no');
}

/**
 * @param {HTMLTableElement} table
 * @param {Reconciliation} report
 * @param {Names} names
 */
export function renderReconciliation(table, report, names) {
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
      names.item(row.itemId),
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
