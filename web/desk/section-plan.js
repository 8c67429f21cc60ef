// Section 6 of the desk (issue 23): the plan. For a target (days of cover, a week unless the lead
// changes it; every item or one), the transfers the API suggests (GET /v1/plans/transfers): from,
// to, item, quantity, and the days of cover before and after at both ends; "Dispatch this" turns
// a suggestion or a trip into the Transfer section's dispatch form, filled in for the lead to
// check and send. Below, the needs report for donors (GET /v1/reports/needs): what each shelter
// lacks to reach the target, and its CSV, fetched with the key (never in a URL) and saved.
import './plan-messages.js';
import { savedKey } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { field, problemErrors } from '../common/form.js';
import { formatAmount, formatNumber, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';
import { fieldNumber, readNumber } from './read-number.js';
import { canDispatchFrom, prefillDispatch } from './transfer-dispatch.js';

/** @typedef {import('../common/api-contract.js').Schema<'TransferPlan'>} TransferPlan */
/** @typedef {import('../common/api-contract.js').Schema<'NeedsReport'>} NeedsReport */
/** @typedef {import('../common/api-contract.js').Schema<'PlanShelter'>} PlanShelter */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/** cover-target.ts: DEFAULT_TARGET_DAYS, and the range targetDaysSchema takes. */
const DEFAULT_DAYS = 7;
const MAX_DAYS = 90;

/** @type {DeskContext} */
let desk;
/** @type {HTMLElement} */
let sectionHost;
/** The plan and report on screen, to say again in another language. */
/** @type {{ plan: TransferPlan, needs: NeedsReport } | undefined} */
let shown;
/** The query of the answer on screen: a newer question wins over a slower older one. */
let asked = 0;

const view = {
  form: el('form', { class: 'stack plan-form' }),
  days: el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(DEFAULT_DAYS) }),
  item: el('select', {}),
  status: el('p', { role: 'status' }),
  results: el('div', { class: 'stack', hidden: true }),
  summary: el('p', {}),
  suggestions: el('ul', { class: 'plan-list' }),
  tripsTitle: said('h4', 'plan.trips'),
  trips: el('ul', { class: 'plan-list' }),
  unmet: el('div', { class: 'stack' }),
  needsTitle: el('h3', { id: 'plan-needs-title' }),
  needs: el('div', { class: 'stack' }),
  download: said('button', 'plan.download', { type: 'button', class: 'secondary' }),
  downloadStatus: el('p', { role: 'status' }),
};

/**
 * A shelter's name: as the plan names it, else as the desk knows it, else its id.
 * @param {string} id
 * @param {readonly PlanShelter[]} named
 */
function shelterName(id, named) {
  return nameOf(
    named.find((shelter) => shelter.id === id) ?? desk.everyShelter.find((shelter) => shelter.id === id),
    id,
  );
}

/** @param {string} id */
function itemOf(id) {
  return desk.items.find((item) => item.id === id);
}

/** @param {number | null} days */
function daysText(days) {
  return days === null ? t('plan.nobody') : t('plan.days', { days: formatNumber(days) });
}

/** The days asked for, or undefined when they are not a whole number from 1 to 90. */
function targetDays() {
  const days = readNumber(view.days.value);
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : undefined;
}

function renderItemChoice() {
  const chosen = view.item.value;
  view.item.replaceChildren(
    new Option(t('plan.everyItem'), ''),
    ...desk.items.map((item) => new Option(nameOf(item, item.id), item.id)),
  );
  view.item.value = chosen;
}

/**
 * The Transfer section's form, filled with this move, for the lead to check and send.
 * @param {{ fromShelterId: string, toShelterId: string, lines: ReadonlyArray<{ itemId: string, quantity: number }> }} move
 */
function dispatch(move) {
  prefillDispatch({ fromShelterId: move.fromShelterId, toShelterId: move.toShelterId, lines: move.lines });
  desk.go('transfer');
}

/**
 * The button that dispatches a move, or who can when this key cannot.
 * @param {{ fromShelterId: string, toShelterId: string, lines: ReadonlyArray<{ itemId: string, quantity: number }> }} move
 * @param {string} label
 * @param {readonly PlanShelter[]} named
 */
function dispatchControl(move, label, named) {
  if (!canDispatchFrom(move.fromShelterId))
    return el('p', {
      class: 'hint',
      text: t('plan.whoDispatches', { from: shelterName(move.fromShelterId, named) }),
    });
  const button = el('button', { type: 'button', class: 'secondary', text: label });
  button.addEventListener('click', () => dispatch(move));
  return button;
}

/** @param {TransferPlan} plan */
function renderPlan(plan) {
  const named = plan.shelters;
  const days = formatNumber(plan.targetDays);
  view.summary.textContent =
    plan.suggestions.length === 0
      ? t('plan.none')
      : plan.suggestions.length < plan.suggestionsTotal
        ? t('plan.suggestionsMore', {
            shown: formatNumber(plan.suggestions.length),
            count: formatNumber(plan.suggestionsTotal),
            days,
          })
        : plan.suggestionsTotal === 1
          ? t('plan.suggestionsOne', { days })
          : t('plan.suggestionsCount', { count: formatNumber(plan.suggestionsTotal), days });
  view.suggestions.replaceChildren(
    ...plan.suggestions.map((suggestion) => {
      const lines = [{ itemId: suggestion.itemId, quantity: suggestion.quantity }];
      const goods = linesText(lines, desk.items);
      const from = shelterName(suggestion.fromShelterId, named);
      const to = shelterName(suggestion.toShelterId, named);
      return el('li', { class: 'plan-entry' }, [
        el('p', { class: 'transfer-where', text: t('plan.move', { goods }) }),
        el('p', {
          text: t('plan.fromEnd', {
            shelter: from,
            before: daysText(suggestion.from.daysOfCoverBefore),
            after: daysText(suggestion.from.daysOfCoverAfter),
          }),
        }),
        el('p', {
          text: t('plan.toEnd', {
            shelter: to,
            before: daysText(suggestion.to.daysOfCoverBefore),
            after: daysText(suggestion.to.daysOfCoverAfter),
          }),
        }),
        dispatchControl({ ...suggestion, lines }, t('plan.dispatch', { goods, to }), named),
      ]);
    }),
  );
  view.tripsTitle.hidden = plan.trips.length === 0;
  view.trips.replaceChildren(
    ...plan.trips.map((trip) => {
      const goods = linesText(trip.lines, desk.items);
      const from = shelterName(trip.fromShelterId, named);
      const to = shelterName(trip.toShelterId, named);
      return el('li', { class: 'plan-entry' }, [
        el('p', { text: t('plan.tripText', { from, to, goods }) }),
        dispatchControl(trip, t('plan.dispatchTrip', { goods, from, to }), named),
      ]);
    }),
  );
  const unmet = plan.items.filter((item) => item.unmet > 0);
  view.unmet.replaceChildren(
    ...(unmet.length === 0
      ? []
      : [
          said('h4', 'plan.unmet'),
          el(
            'ul',
            {},
            unmet.map((item) =>
              el('li', {
                text: t('plan.unmetLine', {
                  item: nameOf(itemOf(item.itemId), item.itemId),
                  quantity: formatAmount(item.unmet, item.unit),
                }),
              }),
            ),
          ),
        ]),
    ...(plan.itemsWithoutDailyNeed.length === 0
      ? []
      : [
          el('p', {
            class: 'hint',
            text: t('plan.noDailyNeed', {
              items: plan.itemsWithoutDailyNeed.map((id) => nameOf(itemOf(id), id)).join(', '),
            }),
          }),
        ]),
  );
}

/** @param {NeedsReport} report */
function renderNeeds(report) {
  const days = formatNumber(report.targetDays);
  view.needsTitle.textContent = t('plan.needs', { days });
  if (report.rows.length === 0) {
    view.needs.replaceChildren(el('p', { text: t('plan.needsNone', { days }) }));
    return;
  }
  const rows = report.rows.map((row) =>
    el('tr', {}, [
      el('td', { text: shelterName(row.shelterId, report.shelters) }),
      el('td', { text: nameOf(itemOf(row.itemId), row.itemId) }),
      el('td', { class: 'number', text: row.daysOfCover === null ? '' : formatNumber(row.daysOfCover) }),
      el('td', { class: 'number', text: formatAmount(row.needed, row.unit) }),
    ]),
  );
  view.needs.replaceChildren(
    // A region the keyboard can scroll, where the table is wider than a phone.
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('plan.tableLabel') }, [
      el('table', { class: 'receipt-lines' }, [
        el('thead', {}, [
          el('tr', {}, [
            said('th', 'plan.shelter', { scope: 'col' }),
            said('th', 'plan.item', { scope: 'col' }),
            said('th', 'plan.daysOfCover', { scope: 'col', class: 'number' }),
            said('th', 'plan.missing', { scope: 'col', class: 'number' }),
          ]),
        ]),
        el('tbody', {}, rows),
      ]),
    ]),
  );
}

function render() {
  if (!shown) return;
  renderPlan(shown.plan);
  renderNeeds(shown.needs);
}

/** The query both reads share: the target and, when chosen, the one item. */
function query() {
  const itemId = view.item.value;
  return { targetDays: targetDays() ?? DEFAULT_DAYS, ...(itemId === '' ? {} : { itemId }) };
}

async function load() {
  const mine = ++asked;
  view.status.textContent = t('plan.loading');
  try {
    const [plan, needs] = await Promise.all([
      desk.call('GET', '/v1/plans/transfers', { query: query() }),
      desk.call('GET', '/v1/reports/needs', { query: query() }),
    ]);
    if (mine !== asked) return;
    shown = { plan, needs };
    view.status.textContent = '';
    view.results.hidden = false;
    render();
  } catch (err) {
    if (mine !== asked) return;
    view.status.textContent = t('plan.failed', {
      reason: problemErrors(err)
        .map((error) => error.message)
        .join(' '),
    });
  }
}

/**
 * The needs report as CSV, saved as a file. The key goes in a header, never in a URL: the page
 * fetches the file and hands it to the browser as a Blob.
 */
async function downloadCsv() {
  view.downloadStatus.textContent = t('plan.downloading');
  const { targetDays: days, itemId } = query();
  const search = new URLSearchParams({ targetDays: String(days), ...(itemId ? { itemId } : {}) });
  try {
    const response = await fetch(`/v1/reports/needs.csv?${search}`, {
      headers: { authorization: `Bearer ${savedKey.get('logistics') ?? ''}` },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `supplyline-needs-${days}-days.csv`;
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    view.downloadStatus.textContent = t('plan.downloaded', { name });
  } catch (err) {
    view.downloadStatus.textContent = t('plan.downloadFailed', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * Words marked data-i18n, said in the chosen language (parts built before the page knew it).
 * @param {HTMLElement} host
 */
function sayAgain(host) {
  for (const node of host.querySelectorAll('[data-i18n]'))
    node.textContent = t(
      /** @type {import('../common/i18n.js').MessageKey} */ (node.getAttribute('data-i18n')),
    );
}

/** @type {import('./desk-types.js').DeskSection} */
export const planSection = {
  id: 'plan',
  title: 'plan.title',
  mount(host, context) {
    desk = context;
    sectionHost = host;
    const daysField = field({
      name: 'targetDays',
      label: 'plan.targetDays',
      hint: 'plan.targetDaysHint',
      control: view.days,
    });
    view.form.replaceChildren(
      daysField,
      field({ name: 'itemId', label: 'plan.item', control: view.item }),
      el('div', { class: 'row' }, [said('button', 'plan.show', { type: 'submit', class: 'primary' })]),
    );
    view.form.noValidate = true;
    view.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const error = daysField.querySelector('.field-error');
      const wrong = targetDays() === undefined;
      daysField.classList.toggle('invalid', wrong);
      if (error) {
        error.textContent = wrong ? t('plan.enterDays') : '';
        error.toggleAttribute('hidden', !wrong);
      }
      if (wrong) {
        view.days.setAttribute('aria-invalid', 'true');
        view.days.focus();
        return;
      }
      view.days.removeAttribute('aria-invalid');
      void load();
    });
    view.download.addEventListener('click', () => void downloadCsv());
    view.results.append(
      el('section', { class: 'stack', 'aria-labelledby': 'plan-suggestions-title' }, [
        said('h3', 'plan.suggestions', { id: 'plan-suggestions-title' }),
        view.summary,
        view.suggestions,
        view.tripsTitle,
        view.trips,
        view.unmet,
      ]),
      el('section', { class: 'stack', 'aria-labelledby': view.needsTitle.id }, [
        view.needsTitle,
        view.needs,
        el('div', { class: 'row' }, [view.download]),
        view.downloadStatus,
      ]),
    );
    host.append(said('p', 'plan.intro', { class: 'intro' }), view.form, view.status, view.results);
    renderItemChoice();
    view.days.value = fieldNumber(DEFAULT_DAYS);
    sayAgain(host);
  },
  show() {
    if (view.days.value.trim() === '') view.days.value = fieldNumber(DEFAULT_DAYS);
    void load();
  },
  render() {
    renderItemChoice();
    const days = targetDays();
    if (days !== undefined) view.days.value = fieldNumber(days);
    render();
    sayAgain(sectionHost);
  },
};
