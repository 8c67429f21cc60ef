// Section 4 of the desk (issue 23 §4): when stock alerts fire at the lead's shelter, and who hears
// them. Three parts:
// - per item, its low-stock threshold and (optionally) its own cover warning days there
//   (PUT /v1/shelters/{id}/stock/{itemId}/threshold, one call per item changed, only the fields
//   changed); each row says the level in force and where it is set (GET /v1/stock);
// - the shelter's cover warning days, for the items without their own
//   (PUT /v1/shelters/{id}/cover-warning-days, a logistics lead's as much as an admin's);
// - who the alerts reach: the digest's addresses, confirmed or not, and the webhooks
//   (GET /v1/shelters/{id}/alert-recipients), said plainly when there are none.
// Both forms have a check-your-answers step. The warning days' write carries the change's
// Idempotency-Key (form.js keeps one per intended change). The threshold route takes none (the
// API does not declare one): it sets values, so the same call again sets the same values, and the
// form sends nothing while a change is on its way, so a double tap sets once.
import {
  COVER_WARNING_DAYS_MAX,
  DEFAULT_COVER_WARNING_DAYS,
  isCoverWarningDays,
  isLowStockThreshold,
} from '../../shared/rules/alert-levels.js';
import { el, said } from '../common/elements.js';
import { field, problemErrors, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, formatTime, t } from '../common/i18n.js';
import './thresholds-messages.js';
import { nameOf } from './names.js';

/** @typedef {import('../common/api-contract.js').Schema<'StockBalance'>} StockBalance */
/** @typedef {import('../common/api-contract.js').Schema<'AlertRecipients'>} AlertRecipients */
/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/**
 * One item's row: its balance as saved, and the two fields typed into.
 * @typedef {{ balance: StockBalance, box: HTMLFieldSetElement, threshold: HTMLInputElement, cover: HTMLInputElement }} Row
 */
/**
 * What a row would change: each field only when it differs from what is saved; null clears it.
 * @typedef {{ row: Row, lowStockThreshold?: number | null, coverWarningDays?: number | null }} Change
 */

/** @type {DeskContext} */
let desk;
/** @type {Row[]} */
let rows = [];
/** @type {WriteForm | undefined} */
let itemsWriter;
/** @type {WriteForm | undefined} */
let coverWriter;
/** The shelter's own warning days as saved (null: the default). */
/** @type {number | null} */
let shelterCover = null;
/** @type {AlertRecipients | undefined} */
let recipients;
/** @type {unknown} */
let recipientsError;
let loads = 0;

const view = {
  status: el('p', { class: 'summary', 'aria-live': 'polite' }),
  itemsTitle: el('h3', { id: 'thresholds-items-title' }),
  itemsForm: el('form', { class: 'stack' }),
  itemRows: el('div', { class: 'stack threshold-rows' }),
  coverTitle: el('h3', { id: 'thresholds-cover-title' }),
  coverForm: el('form', { class: 'stack' }),
  cover: el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' }),
  recipients: el('div', { class: 'stack' }),
  done: el('p', { class: 'done', role: 'status', tabindex: '-1' }),
};

function shelterName() {
  const shelter = desk.shelter();
  return nameOf(shelter, shelter.id);
}

/** A number as typed, in Latin or Khmer digits; NaN when it is not one. @param {string} text */
function readNumber(text) {
  const latin = text
    .trim()
    .replace(/[០-៩]/g, (digit) => String('០១២៣៤៥៦៧៨៩'.indexOf(digit)))
    .replace(',', '.');
  return latin === '' ? Number.NaN : Number(latin);
}

/** What a field holds: null when empty. @param {HTMLInputElement} input */
function typed(input) {
  return input.value.trim() === '' ? null : readNumber(input.value);
}

/** @param {number | null | undefined} value */
function shown(value) {
  return value === undefined || value === null ? '' : String(value);
}

/** @param {string} itemId */
function itemOf(itemId) {
  return desk.items.find((item) => item.id === itemId);
}

/** @param {StockBalance} balance */
function itemName(balance) {
  return nameOf(itemOf(balance.itemId), balance.itemId);
}

/** The item's own warning days as saved (null: it follows the shelter's). @param {StockBalance} balance */
function ownCover(balance) {
  return balance.coverWarningDaysFrom === 'item' ? balance.coverWarningDays : null;
}

/** The items of these changes, by name: "Rice, Soap". @param {Change[]} changed */
function namesOf(changed) {
  return changed.map(({ row }) => itemName(row.balance)).join(', ');
}

/** @returns {Change[]} */
function changes() {
  /** @type {Change[]} */
  const found = [];
  for (const row of rows) {
    /** @type {Change} */
    const change = { row };
    const threshold = typed(row.threshold);
    if (threshold !== (row.balance.lowStockThreshold ?? null)) change.lowStockThreshold = threshold;
    const cover = typed(row.cover);
    if (cover !== ownCover(row.balance)) change.coverWarningDays = cover;
    if ('lowStockThreshold' in change || 'coverWarningDays' in change) found.push(change);
  }
  return found;
}

/** @param {StockBalance} balance */
function nowText(balance) {
  const parts = [
    t('thresholds.now', {
      available: formatAmount(balance.available, balance.unit),
      cover:
        balance.daysOfCover === undefined || balance.daysOfCover === null
          ? t('thresholds.noCover')
          : t('thresholds.coverDays', { days: Math.floor(balance.daysOfCover) }),
    }),
  ];
  if (balance.lowStock) parts.push(t('thresholds.lowNow'));
  if (balance.coverLow) parts.push(t('thresholds.coverLowNow'));
  return parts.join(' ');
}

/** @param {StockBalance} balance */
function inForceText(balance) {
  const days = balance.coverWarningDays;
  if (balance.coverWarningDaysFrom === 'item') return t('thresholds.inForceItem', { days });
  if (balance.coverWarningDaysFrom === 'shelter') return t('thresholds.inForceShelter', { days });
  return t('thresholds.inForceDefault', { days });
}

/** A stock alert's kind in words; another kind as the API names it. @param {string} type */
function eventWords(type) {
  if (type === 'stock.low') return t('thresholds.event.stock.low');
  if (type === 'stock.out') return t('thresholds.event.stock.out');
  if (type === 'stock.cover-low') return t('thresholds.event.stock.cover-low');
  return type;
}

/** @param {StockBalance} balance */
function unitHint(balance) {
  if (balance.unit === 'kg' || balance.unit === 'L')
    return t('thresholds.thresholdHint', { unit: t(balance.unit === 'kg' ? 'unit.kg' : 'unit.L') });
  return t('thresholds.unitless');
}

/** The words of a row that follow the language and the saved balance. @param {Row} row */
function wordRow({ balance, box }) {
  const legend = box.querySelector('legend');
  if (legend) legend.textContent = itemName(balance);
  const facts = box.querySelector('.threshold-now');
  if (facts) facts.textContent = nowText(balance);
  const [thresholdHint, coverHint] = box.querySelectorAll('.field .hint');
  if (thresholdHint) thresholdHint.textContent = unitHint(balance);
  if (coverHint) coverHint.textContent = inForceText(balance);
}

function render() {
  const shelter = shelterName();
  view.itemsTitle.textContent = t('thresholds.items', { shelter });
  view.coverTitle.textContent = t('thresholds.cover', { shelter });
  const coverHint = view.coverForm.querySelector('.field .hint');
  if (coverHint) coverHint.textContent = t('thresholds.coverHint', { days: DEFAULT_COVER_WARNING_DAYS });
  for (const row of rows) wordRow(row);
  renderRecipients();
}

/** @param {StockBalance} balance */
function buildRow(balance) {
  const threshold = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: shown(balance.lowStockThreshold),
  });
  const cover = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: shown(ownCover(balance)),
  });
  const fields = [
    field({
      name: `levels.${balance.itemId}.lowStockThreshold`,
      label: 'thresholds.thresholdLabel',
      hint: 'thresholds.loading',
      control: threshold,
    }),
    field({
      name: `levels.${balance.itemId}.coverWarningDays`,
      label: 'thresholds.itemCoverLabel',
      hint: 'thresholds.loading',
      control: cover,
    }),
  ];
  // The hints are worded by wordRow (they name numbers and where a level comes from).
  for (const box of fields) box.querySelector('.hint')?.removeAttribute('data-i18n');
  const box = el('fieldset', { class: 'threshold-item stack' }, [
    el('legend', {}),
    el('p', { class: 'hint threshold-now' }),
    ...fields,
  ]);
  return { balance, box, threshold, cover };
}

/** @param {StockBalance[]} balances */
function buildRows(balances) {
  rows = [...balances].sort((a, b) => itemName(a).localeCompare(itemName(b))).map(buildRow);
  view.itemRows.replaceChildren(...rows.map((row) => row.box));
}

/** The balances again (the levels in force moved), keeping what is typed in the fields. */
async function refreshBalances() {
  const balances = await desk.list('/v1/stock', { query: { shelterId: desk.shelter().id } });
  for (const row of rows) {
    const fresh = balances.find((balance) => balance.itemId === row.balance.itemId);
    if (fresh) row.balance = fresh;
  }
  render();
}

async function readRecipients() {
  try {
    recipients = await desk.call('GET', '/v1/shelters/{id}/alert-recipients', {
      path: { id: desk.shelter().id },
    });
    recipientsError = undefined;
  } catch (err) {
    recipients = undefined;
    recipientsError = err;
  }
}

function renderRecipients() {
  if (recipientsError !== undefined) {
    const reason = problemErrors(recipientsError)
      .map((problem) => problem.message)
      .join(' ');
    view.recipients.replaceChildren(el('p', { text: t('thresholds.recipientsFailed', { reason }) }));
    return;
  }
  if (!recipients) {
    view.recipients.replaceChildren();
    return;
  }
  const { digest, webhooks } = recipients;
  const shelter = shelterName();
  /** @type {HTMLElement[]} */
  const parts = [];
  if (digest.channel === 'log') parts.push(el('p', { text: t('thresholds.digestLog') }));
  else if (digest.recipients.length === 0) parts.push(el('p', { text: t('thresholds.digestNobody') }));
  else
    parts.push(
      el('p', { text: t('thresholds.digestEmail', { shelter, minutes: digest.everyMinutes }) }),
      el(
        'ul',
        { class: 'recipients' },
        digest.recipients.map((recipient) =>
          el('li', {}, [
            el('span', { class: 'address', text: recipient.endpoint }),
            ` (${t(recipient.confirmed ? 'thresholds.confirmed' : 'thresholds.unconfirmed')})`,
          ]),
        ),
      ),
    );
  parts.push(
    el('p', {
      class: 'hint',
      text: [
        t('thresholds.pending', { count: digest.pendingAlerts }),
        digest.lastSentAt
          ? t('thresholds.lastSent', { when: formatTime(digest.lastSentAt) })
          : t('thresholds.neverSent'),
      ].join(' '),
    }),
  );
  if (webhooks.length === 0) parts.push(el('p', { text: t('thresholds.noWebhooks', { shelter }) }));
  else
    parts.push(
      el('p', { text: t('thresholds.webhooks') }),
      el(
        'ul',
        { class: 'recipients' },
        webhooks.map((hook) => {
          const events = hook.eventTypes.map(eventWords).join(', ');
          const line = t('thresholds.webhookLine', { host: hook.host, events });
          const described = hook.description ? `${hook.description}, ${line}` : line;
          return el('li', {
            text:
              hook.status === 'disabled' ? `${described} (${t('thresholds.webhookDisabled')})` : described,
          });
        }),
      ),
    );
  view.recipients.replaceChildren(...parts);
}

async function load() {
  const mine = ++loads;
  const shelter = desk.shelter();
  view.status.textContent = t('thresholds.loading');
  try {
    const [balances, fresh] = await Promise.all([
      desk.list('/v1/stock', { query: { shelterId: shelter.id } }),
      desk.call('GET', '/v1/shelters/{id}', { path: { id: shelter.id } }),
      readRecipients(),
    ]);
    if (mine !== loads) return;
    view.status.textContent = '';
    itemsWriter?.reset();
    coverWriter?.reset();
    buildRows(balances);
    shelterCover = fresh.coverWarningDays ?? null;
    view.cover.value = shown(shelterCover);
    render();
  } catch (err) {
    if (mine !== loads) return;
    view.status.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
}

/** What the page checks before it asks: the bounds the server holds (shared/rules/alert-levels.js). */
function itemErrors() {
  /** @type {FormError[]} */
  const errors = [];
  for (const change of changes()) {
    const { row } = change;
    const item = itemName(row.balance);
    if (typeof change.lowStockThreshold === 'number' && !isLowStockThreshold(change.lowStockThreshold))
      errors.push({
        field: `levels.${row.balance.itemId}.lowStockThreshold`,
        message: t('thresholds.enterNumber', { item }),
      });
    if (typeof change.coverWarningDays === 'number' && !isCoverWarningDays(change.coverWarningDays))
      errors.push({
        field: `levels.${row.balance.itemId}.coverWarningDays`,
        message: t('thresholds.enterDays', { item, max: COVER_WARNING_DAYS_MAX }),
      });
  }
  if (errors.length === 0 && changes().length === 0) errors.push({ message: t('thresholds.nothing') });
  return errors;
}

/** The check step's lines: one per field changed. @returns {Array<[string, string]>} */
function changeFacts() {
  /** @type {Array<[string, string]>} */
  const facts = [];
  for (const change of changes()) {
    const { balance } = change.row;
    const item = itemName(balance);
    if ('lowStockThreshold' in change)
      facts.push([
        t('thresholds.factThreshold', { item }),
        typeof change.lowStockThreshold === 'number'
          ? formatAmount(change.lowStockThreshold, balance.unit)
          : t('thresholds.none'),
      ]);
    if ('coverWarningDays' in change)
      facts.push([
        t('thresholds.factCover', { item }),
        typeof change.coverWarningDays === 'number'
          ? t('thresholds.days', { days: change.coverWarningDays })
          : t('thresholds.followShelter'),
      ]);
  }
  return facts;
}

function wireItems() {
  view.itemsForm.replaceChildren(
    said('p', 'thresholds.itemsHint', { class: 'hint' }),
    view.itemRows,
    el('div', { class: 'row' }, [said('button', 'thresholds.save', { type: 'submit', class: 'primary' })]),
  );
  itemsWriter = writeForm(view.itemsForm, {
    check: itemErrors,
    confirm: () => ({
      heading: t('thresholds.check'),
      facts: changeFacts(),
      effect: t('thresholds.effect', { shelter: shelterName() }),
      action: t('thresholds.doSave', { items: namesOf(changes()) }),
    }),
    send: async () => {
      const shelterId = desk.shelter().id;
      const changed = changes();
      // One item after another: each one saved is kept (its row takes the saved balance) if a
      // later one fails, and the form then offers only what is left.
      for (const { row, ...levels } of changed) {
        row.balance = await desk.call('PUT', '/v1/shelters/{id}/stock/{itemId}/threshold', {
          path: { id: shelterId, itemId: row.balance.itemId },
          body: levels,
        });
        wordRow(row);
      }
      return t('thresholds.saved', { items: namesOf(changed), shelter: shelterName() });
    },
    done: (message) => {
      view.done.textContent = message;
      view.done.focus();
    },
  });
}

function wireCover() {
  view.coverForm.replaceChildren(
    field({
      name: 'coverWarningDays',
      label: 'thresholds.coverLabel',
      hint: 'thresholds.loading',
      control: view.cover,
    }),
    el('div', { class: 'row' }, [
      said('button', 'thresholds.coverSave', { type: 'submit', class: 'primary' }),
    ]),
  );
  view.coverForm.querySelector('.field .hint')?.removeAttribute('data-i18n');
  const days = () => typed(view.cover);
  coverWriter = writeForm(view.coverForm, {
    check: () => {
      const value = days();
      if (value !== null && !isCoverWarningDays(value))
        return [
          { field: 'coverWarningDays', message: t('thresholds.coverRange', { max: COVER_WARNING_DAYS_MAX }) },
        ];
      if (value === shelterCover) return [{ message: t('thresholds.coverSame') }];
      return [];
    },
    confirm: () => {
      const value = days();
      return {
        heading: t('thresholds.coverCheck'),
        facts: [
          [
            t('thresholds.cover', { shelter: shelterName() }),
            value === null
              ? t('thresholds.coverDefault', { days: DEFAULT_COVER_WARNING_DAYS })
              : t('thresholds.days', { days: value }),
          ],
        ],
        effect: t('thresholds.coverEffect', { shelter: shelterName() }),
        action:
          value === null
            ? t('thresholds.coverDoDefault')
            : t('thresholds.coverDo', { days: formatNumber(value) }),
      };
    },
    send: async (idempotencyKey) => {
      const saved = await desk.call('PUT', '/v1/shelters/{id}/cover-warning-days', {
        path: { id: desk.shelter().id },
        headers: { 'idempotency-key': idempotencyKey },
        body: { coverWarningDays: days() },
      });
      shelterCover = saved.coverWarningDays ?? null;
      view.cover.value = shown(shelterCover);
      // The items that follow the shelter now warn at the new level: their rows say so.
      await refreshBalances().catch(() => undefined);
      return t('thresholds.coverSaved', {
        days: saved.coverWarningDays ?? DEFAULT_COVER_WARNING_DAYS,
        shelter: shelterName(),
      });
    },
    done: (message) => {
      view.done.textContent = message;
      view.done.focus();
    },
  });
}

/** @type {import('./desk-types.js').DeskSection} */
export const thresholdsSection = {
  id: 'thresholds',
  title: 'thresholds.title',
  mount(host, context) {
    desk = context;
    wireItems();
    wireCover();
    host.append(
      said('p', 'thresholds.intro', { class: 'intro' }),
      view.status,
      view.done,
      el('section', { class: 'stack', 'aria-labelledby': view.itemsTitle.id }, [
        view.itemsTitle,
        view.itemsForm,
      ]),
      el('section', { class: 'stack', 'aria-labelledby': view.coverTitle.id }, [
        view.coverTitle,
        view.coverForm,
      ]),
      el('section', { class: 'stack', 'aria-labelledby': 'thresholds-recipients-title' }, [
        said('h3', 'thresholds.digests', { id: 'thresholds-recipients-title' }),
        view.recipients,
      ]),
    );
  },
  show() {
    view.done.textContent = '';
    return load();
  },
  render() {
    render();
    itemsWriter?.retranslate();
    coverWriter?.retranslate();
  },
};
