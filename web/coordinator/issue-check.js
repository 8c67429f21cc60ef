// "Open and issue" asks the server's forecast first and goes on only on its answer: a list with
// nobody to issue, or whose households the stock covers none of, is refused before anything is
// written; a list the stock covers is opened and issued; a list it covers in part waits on this
// check-your-answers step, which says who is covered, what runs short and what opening freezes,
// until the coordinator confirms or goes back to the list.
import './coordinator-messages.js';
import { $ } from '../common/dom.js';
import { formatAmount, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').Forecast} Forecast */
/** @typedef {import('../common/api-types.js').Round} Round */
/** @typedef {import('./round-tables.js').Names} Names */

/**
 * True when the text has at least one line under its header row; the server reads the rest.
 * @param {string} csv
 */
export function hasHouseholds(csv) {
  return csv.split(/\r?\n/).filter((line) => line.trim() !== '').length > 1;
}

/**
 * What the forecast allows: nobody to issue (not even a voucher to give back), stock for every
 * household, stock for none of them (opening a round to refuse every row helps no one), or a
 * partial issue that needs the coordinator's word.
 * @param {Forecast} forecast
 * @returns {'nobody' | 'issue' | 'none-covered' | 'confirm'}
 */
export function decide(forecast) {
  if (forecast.households === 0 && forecast.alreadyIssued === 0) return 'nobody';
  if (forecast.coversEveryHousehold) return 'issue';
  if (forecast.householdsCovered === 0 && forecast.alreadyIssued === 0) return 'none-covered';
  return 'confirm';
}

/**
 * @param {string} text
 * @param {string} [className]
 */
function item(text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  return li;
}

/**
 * The facts to check before confirming: who gets a voucher, who does not, what runs short.
 * @param {Forecast} forecast
 * @param {Round} round
 * @param {Names} names
 */
export function renderCheck(forecast, round, names) {
  $('check-facts').replaceChildren(
    item(
      t('coord.check.covered', {
        covered: forecast.householdsCovered,
        households: forecast.households,
        short: forecast.households - forecast.householdsCovered,
      }),
    ),
    ...(forecast.alreadyIssued > 0
      ? [item(t('coord.check.already', { count: forecast.alreadyIssued }))]
      : []),
    ...(forecast.refusals.length > 0
      ? [item(t('coord.check.refused', { count: forecast.refusals.length }))]
      : []),
  );
  $('check-short').replaceChildren(
    ...forecast.rows
      .filter((row) => row.shortfall > 0)
      .map((row) =>
        item(
          t('coord.check.short', {
            item: names.item(row.itemId),
            needed: formatAmount(row.needed, row.unit),
            available: formatAmount(row.available, row.unit),
            short: formatAmount(row.shortfall, row.unit),
          }),
        ),
      ),
  );
  const opening = round.status === 'draft';
  $('check-freeze').hidden = !opening;
  $('confirm-issue').textContent = opening ? t('coord.check.confirmOpen') : t('coord.check.confirm');
}
