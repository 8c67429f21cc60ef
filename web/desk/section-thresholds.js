// Section 4 of the desk (issue 23): when stock alerts fire at the lead's shelter. A low-stock
// threshold per item (PUT /v1/shelters/{id}/stock/{itemId}/threshold, logistics), the shelter's
// cover warning days (PATCH /v1/shelters/{id}, admins only: a logistics key sees the value), and
// who the alert digests go to. Both writes set a value, so a double tap or a retry sets the same
// value again: neither operation takes an Idempotency-Key, and the page sends none.
import './thresholds-messages.js';
import { el, said } from '../common/elements.js';
import { field, problemErrors, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, t } from '../common/i18n.js';
import { nameOf } from './names.js';

/** @typedef {import('../common/api-contract.js').Schema<'StockBalance'>} StockBalance */
/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/** What the server takes (LowStockThreshold, UpdateShelter.coverWarningDays). */
const THRESHOLD_MAX = 10_000_000;
const COVER_MAX = 90;
const COVER_DEFAULT = 3;

/** @type {DeskContext} */
let desk;
/** The balances listed, with each threshold's field. @type {Array<{ balance: StockBalance, input: HTMLInputElement }>} */
let rows = [];
/** @type {WriteForm | undefined} */
let itemsWriter;
/** @type {WriteForm | undefined} */
let coverWriter;
let loads = 0;

const view = {
  status: el('p', { class: 'summary', 'aria-live': 'polite' }),
  itemsTitle: el('h3', { id: 'thresholds-items-title' }),
  itemsForm: el('form', { class: 'stack' }),
  itemRows: el('div', { class: 'stack threshold-rows' }),
  coverTitle: el('h3', { id: 'thresholds-cover-title' }),
  coverForm: el('form', { class: 'stack' }),
  cover: el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }),
  coverAdmin: said('p', 'thresholds.coverAdmin', { class: 'hint' }),
  digests: el('p', {}),
  done: el('p', { class: 'done', role: 'status', tabindex: '-1' }),
};

function shelterName() {
  const shelter = desk.shelter();
  return nameOf(shelter, shelter.id);
}

/** @param {string} text */
function readNumber(text) {
  const latin = text
    .trim()
    .replace(/[០-៩]/g, (digit) => String('០១២៣៤៥៦៧៨៩'.indexOf(digit)))
    .replace(',', '.');
  return latin === '' ? Number.NaN : Number(latin);
}

/** @param {string} itemId */
function itemOf(itemId) {
  return desk.items.find((item) => item.id === itemId);
}

/** @param {StockBalance} balance */
function nowText(balance) {
  return t('thresholds.now', {
    available: formatAmount(balance.available, balance.unit),
    cover:
      balance.daysOfCover === undefined || balance.daysOfCover === null
        ? t('thresholds.noCover')
        : t('thresholds.coverDays', { days: formatNumber(Math.floor(balance.daysOfCover)) }),
  });
}

/** The thresholds typed that differ from the saved ones: null clears one. */
function changes() {
  return rows
    .map(({ balance, input }) => ({
      balance,
      value: input.value.trim() === '' ? null : readNumber(input.value),
    }))
    .filter(({ balance, value }) => value !== (balance.lowStockThreshold ?? null));
}

function renderRows() {
  view.itemsTitle.textContent = t('thresholds.items', { shelter: shelterName() });
  view.coverTitle.textContent = t('thresholds.cover', { shelter: shelterName() });
  view.digests.textContent = t('thresholds.digestsText', { shelter: shelterName() });
  for (const { balance, input } of rows) {
    const box = input.closest('.field');
    const label = box?.querySelector('label');
    if (label) label.textContent = nameOf(itemOf(balance.itemId), balance.itemId);
    const hint = box?.querySelector('.hint');
    if (hint) hint.textContent = nowText(balance);
  }
}

/** @param {StockBalance[]} balances */
function buildRows(balances) {
  rows = balances.map((balance) => {
    const input = el('input', {
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      value:
        balance.lowStockThreshold === undefined || balance.lowStockThreshold === null
          ? ''
          : String(balance.lowStockThreshold),
    });
    return { balance, input };
  });
  view.itemRows.replaceChildren(
    ...rows.map(({ balance, input }) => {
      // The label and hint are worded by renderRows (names and numbers follow the language).
      const box = field({
        name: `thresholds.${balance.itemId}`,
        label: 'thresholds.title',
        hint: 'thresholds.loading',
        control: input,
      });
      for (const worded of box.querySelectorAll('[data-i18n]')) worded.removeAttribute('data-i18n');
      return box;
    }),
  );
  renderRows();
}

async function load() {
  const mine = ++loads;
  const shelter = desk.shelter();
  view.status.textContent = t('thresholds.loading');
  try {
    const [balances, fresh] = await Promise.all([
      desk.list('/v1/stock', { query: { shelterId: shelter.id } }),
      desk.call('GET', '/v1/shelters/{id}', { path: { id: shelter.id } }),
    ]);
    if (mine !== loads) return;
    view.status.textContent = '';
    const named = (/** @type {StockBalance} */ balance) => nameOf(itemOf(balance.itemId), balance.itemId);
    buildRows([...balances].sort((a, b) => named(a).localeCompare(named(b))));
    view.cover.value = String(fresh.coverWarningDays ?? COVER_DEFAULT);
    itemsWriter?.reset();
    coverWriter?.reset();
  } catch (err) {
    if (mine !== loads) return;
    view.status.textContent = problemErrors(err)
      .map((problem) => problem.message)
      .join(' ');
  }
}

function wireItems() {
  view.itemsForm.replaceChildren(
    said('p', 'thresholds.itemsHint', { class: 'hint' }),
    view.itemRows,
    el('div', { class: 'row' }, [said('button', 'thresholds.save', { type: 'submit', class: 'primary' })]),
  );
  itemsWriter = writeForm(view.itemsForm, {
    check: () => {
      /** @type {FormError[]} */
      const errors = [];
      for (const { balance, value } of changes())
        if (value !== null && !(value >= 0 && value <= THRESHOLD_MAX))
          errors.push({
            field: `thresholds.${balance.itemId}`,
            message: t('thresholds.enterNumber', { item: nameOf(itemOf(balance.itemId), balance.itemId) }),
          });
      if (errors.length === 0 && changes().length === 0) errors.push({ message: t('thresholds.nothing') });
      return errors;
    },
    confirm: () => ({
      heading: t('thresholds.check'),
      facts: changes().map(({ balance, value }) => [
        nameOf(itemOf(balance.itemId), balance.itemId),
        value === null ? t('thresholds.none') : formatAmount(value, balance.unit),
      ]),
      effect: t('thresholds.effect', { shelter: shelterName() }),
      action: t('thresholds.doSave', { count: formatNumber(changes().length) }),
    }),
    send: async () => {
      const shelterId = desk.shelter().id;
      const changed = changes();
      // One by one: each saved one is kept (its row takes the saved value) if a later one fails.
      for (const { balance, value } of changed) {
        const saved = await desk.call('PUT', '/v1/shelters/{id}/stock/{itemId}/threshold', {
          path: { id: shelterId, itemId: balance.itemId },
          body: { lowStockThreshold: value },
        });
        const row = rows.find((candidate) => candidate.balance.itemId === balance.itemId);
        if (row) row.balance = saved;
      }
      renderRows();
      return t('thresholds.saved', { count: formatNumber(changed.length), shelter: shelterName() });
    },
    done: (message) => {
      view.done.textContent = message;
      view.done.focus();
    },
  });
}

function wireCover() {
  const admin = desk.me.role === 'admin';
  view.cover.readOnly = !admin;
  view.coverForm.replaceChildren(
    field({
      name: 'coverWarningDays',
      label: 'thresholds.coverLabel',
      hint: 'thresholds.coverHint',
      control: view.cover,
    }),
    admin
      ? el('div', { class: 'row' }, [
          said('button', 'thresholds.coverSave', { type: 'submit', class: 'primary' }),
        ])
      : view.coverAdmin,
  );
  if (!admin) return;
  const days = () => readNumber(view.cover.value);
  coverWriter = writeForm(view.coverForm, {
    check: () =>
      Number.isInteger(days()) && days() >= 0 && days() <= COVER_MAX
        ? []
        : [{ field: 'coverWarningDays', message: t('thresholds.coverRange') }],
    confirm: () => ({
      heading: t('thresholds.coverCheck'),
      facts: [[t('thresholds.cover', { shelter: shelterName() }), formatNumber(days())]],
      effect: t('thresholds.coverEffect', { shelter: shelterName() }),
      action: t('thresholds.coverDo', { days: formatNumber(days()) }),
    }),
    send: async () => {
      const saved = await desk.call('PATCH', '/v1/shelters/{id}', {
        path: { id: desk.shelter().id },
        body: { coverWarningDays: days() },
      });
      return t('thresholds.coverSaved', {
        days: formatNumber(saved.coverWarningDays ?? COVER_DEFAULT),
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
      el('section', { class: 'stack', 'aria-labelledby': 'thresholds-digests-title' }, [
        said('h3', 'thresholds.digests', { id: 'thresholds-digests-title' }),
        view.digests,
      ]),
    );
  },
  show() {
    view.done.textContent = '';
    return load();
  },
  render() {
    renderRows();
    itemsWriter?.retranslate();
    coverWriter?.retranslate();
  },
};
