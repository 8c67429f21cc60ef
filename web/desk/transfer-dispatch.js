// The Transfer section's dispatch form (issue 23 §3): goods leave one of the lead's shelters for
// another shelter. From (the lead's shelters), to, the goods item by item with what is available
// beside each, the vehicle and a note for the driver; a check-your-answers step; then the waybill
// to print. The Plan section fills it in from a suggestion (prefillDispatch), the lead checks it.
import './transfer-messages.js';
import { el, said } from '../common/elements.js';
import { field, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';
import { fieldNumber, readNumber } from './read-number.js';
import { showWaybill } from './transfer-waybill.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */
/** @typedef {{ fromShelterId: string, toShelterId: string, lines: ReadonlyArray<{ itemId: string, quantity: number }> }} DispatchDraft */

/** What the server takes (dispatchTransferSchema). */
const VEHICLE_MAX = 100;
const DRIVER_NOTE_MAX = 500;
/** At most this many lines in one transfer (stock-lines.ts MAX_LINES: one DynamoDB transaction). */
const LINES_MAX = 50;

/**
 * A line of goods to send.
 * @typedef {{ item: Item, box: HTMLFieldSetElement, amount: HTMLInputElement, hint: HTMLElement }} Line
 */

/** @type {DeskContext} */
let desk;
/** @type {Line[]} */
let lines = [];
/** @type {WriteForm} */
let writer;
/** What each item has available at the chosen sending shelter. @type {Map<string, number>} */
let available = new Map();
/** A draft waiting for the stock of its shelter to be read (the Plan section's "Dispatch this"). */
/** @type {DispatchDraft | undefined} */
let pending;
/** Told when goods left (the section's lists of stock in transit read again). */
let onSent = () => {};

const view = {
  box: el('div', { class: 'stack' }),
  form: el('form', { class: 'stack transfer-form' }),
  from: el('select', {}),
  to: el('select', {}),
  addItem: el('select', {}),
  addButton: said('button', 'transfer.add', { type: 'button', class: 'secondary' }),
  addHint: el('p', { class: 'hint' }),
  lineList: el('div', { class: 'receive-lines stack' }),
  noLines: said('p', 'transfer.noLines', { class: 'hint' }),
  lineStatus: el('p', { class: 'scan-status', role: 'status' }),
  vehicle: el('input', { type: 'text', autocomplete: 'off', maxlength: String(VEHICLE_MAX) }),
  driverNote: el('textarea', { rows: '2', autocomplete: 'off' }),
  refused: said('p', 'transfer.cannotDispatch', { class: 'hint', hidden: true }),
  waybill: el('article', { class: 'waybill stack', hidden: true, tabindex: '-1' }),
};

/** @param {string} id */
function shelterName(id) {
  return nameOf(
    desk.everyShelter.find((shelter) => shelter.id === id),
    id,
  );
}

/** @param {string} id */
function itemOf(id) {
  return desk.items.find((item) => item.id === id);
}

function fromId() {
  return view.from.value || desk.shelter().id;
}

/** The sending shelters: the key's own, by name. */
function renderFrom() {
  const chosen = view.from.value || desk.shelter().id;
  view.from.replaceChildren(
    ...desk.shelters.map((shelter) => new Option(nameOf(shelter, shelter.id), shelter.id)),
  );
  view.from.value = chosen;
  view.from.disabled = desk.shelters.length === 1;
}

/** Every other shelter the key may read (a confidential one by its name only, as the API gives it). */
function renderTo() {
  const chosen = view.to.value;
  const others = desk.everyShelter
    .filter((shelter) => shelter.id !== fromId())
    .map((shelter) => new Option(nameOf(shelter, shelter.id), shelter.id))
    .sort((a, b) => a.text.localeCompare(b.text));
  view.to.replaceChildren(new Option(t('transfer.chooseShelter'), ''), ...others);
  view.to.value = others.some((option) => option.value === chosen) ? chosen : '';
}

/** The items the sending shelter has available, for the "Item to add" choice. */
function renderAddChoices() {
  const chosen = view.addItem.value;
  const choices = desk.items
    .filter((item) => (available.get(item.id) ?? 0) > 0)
    .map(
      (item) =>
        new Option(
          t('transfer.itemAvailable', {
            item: nameOf(item, item.id),
            available: formatAmount(available.get(item.id) ?? 0, item.unit),
          }),
          item.id,
        ),
    );
  view.addItem.replaceChildren(new Option(t('transfer.chooseItem'), ''), ...choices);
  view.addItem.value = choices.some((option) => option.value === chosen) ? chosen : '';
  view.addHint.textContent = t('transfer.addItemHint', { shelter: shelterName(fromId()) });
}

function renderLines() {
  lines.forEach((line, index) => {
    line.box.dataset.field = `lines.${index}`;
    const name = nameOf(line.item, line.item.id);
    const legend = line.box.querySelector('legend');
    if (legend) legend.textContent = name;
    line.hint.textContent = t('transfer.available', {
      available: formatAmount(available.get(line.item.id) ?? 0, line.item.unit),
      shelter: shelterName(fromId()),
    });
    const remove = line.box.querySelector('button.remove');
    if (remove) remove.textContent = t('transfer.remove', { item: name });
  });
  view.noLines.hidden = lines.length > 0;
}

/**
 * @param {Item} item
 * @param {number | undefined} quantity
 */
function addLine(item, quantity) {
  if (lines.some((line) => line.item.id === item.id)) {
    view.lineStatus.textContent = t('transfer.already', { item: nameOf(item, item.id) });
    return undefined;
  }
  if (lines.length >= LINES_MAX) {
    view.lineStatus.textContent = t('transfer.tooManyLines', { max: formatNumber(LINES_MAX) });
    return undefined;
  }
  const amount = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  if (quantity !== undefined) amount.value = fieldNumber(quantity);
  const amountField = field({ name: '', label: 'transfer.howMany', control: amount });
  amountField.removeAttribute('data-field');
  const hint = el('p', { class: 'hint', id: `${amount.id}-available` });
  const error = el('p', { class: 'field-error', hidden: true, id: `${amount.id}-line-error` });
  amount.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
  amountField.querySelector('label')?.after(hint);
  const remove = el('button', { type: 'button', class: 'link remove' });
  const box = el('fieldset', { class: 'field receive-line' }, [
    el('legend', { translate: 'no' }),
    error,
    amountField,
    remove,
  ]);
  /** @type {Line} */
  const line = { item, box, amount, hint };
  remove.addEventListener('click', () => {
    lines = lines.filter((other) => other !== line);
    box.remove();
    renderLines();
    view.lineStatus.textContent = t('transfer.removed', { item: nameOf(item, item.id) });
    view.addItem.focus();
  });
  lines.push(line);
  view.lineList.append(box);
  renderLines();
  return line;
}

function addChosen() {
  const item = itemOf(view.addItem.value);
  if (!item) {
    view.addItem.focus();
    return;
  }
  const line = addLine(item, undefined);
  if (!line) return;
  view.addItem.value = '';
  view.lineStatus.textContent = t('transfer.added', { item: nameOf(item, item.id) });
  line.amount.focus();
}

/** Reads what the sending shelter has available now (on hand minus what vouchers hold). */
async function loadAvailable() {
  const shelterId = fromId();
  try {
    const balances = await desk.list('/v1/stock', { query: { shelterId } });
    if (shelterId !== fromId()) return;
    available = new Map(balances.map((balance) => [balance.itemId, balance.available]));
    view.lineStatus.textContent = '';
  } catch (err) {
    available = new Map();
    view.lineStatus.textContent = t('transfer.noStock', {
      shelter: shelterName(shelterId),
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  renderAddChoices();
  renderLines();
}

function clearLines() {
  for (const line of lines) line.box.remove();
  lines = [];
  renderLines();
}

/** @returns {FormError[]} */
function check() {
  /** @type {FormError[]} */
  const errors = [];
  if (view.to.value === '') errors.push({ field: 'toShelterId', message: t('transfer.chooseTo') });
  if (lines.length === 0) errors.push({ field: 'lines', message: t('transfer.addLine') });
  lines.forEach((line, index) => {
    const name = nameOf(line.item, line.item.id);
    const amount = readNumber(line.amount.value);
    const most = available.get(line.item.id) ?? 0;
    if (!(amount > 0))
      errors.push({ field: `lines.${index}`, message: t('transfer.enterQuantity', { item: name }) });
    else if (amount > most)
      errors.push({
        field: `lines.${index}`,
        message: t('transfer.tooMuch', { item: name, available: formatAmount(most, line.item.unit) }),
      });
  });
  if (view.vehicle.value.trim().length > VEHICLE_MAX)
    errors.push({ field: 'vehicle', message: t('transfer.tooLong', { max: formatNumber(VEHICLE_MAX) }) });
  if (view.driverNote.value.trim().length > DRIVER_NOTE_MAX)
    errors.push({
      field: 'driverNote',
      message: t('transfer.tooLong', { max: formatNumber(DRIVER_NOTE_MAX) }),
    });
  return errors;
}

function sentLines() {
  return lines.map((line) => ({ itemId: line.item.id, quantity: readNumber(line.amount.value) }));
}

function goodsText() {
  return linesText(sentLines(), desk.items);
}

function body() {
  const vehicle = view.vehicle.value.trim();
  const driverNote = view.driverNote.value.trim();
  return {
    fromShelterId: fromId(),
    toShelterId: view.to.value,
    lines: sentLines(),
    ...(vehicle === '' ? {} : { vehicle }),
    ...(driverNote === '' ? {} : { driverNote }),
  };
}

/** @param {string} message */
function done(message) {
  clearLines();
  view.vehicle.value = '';
  view.driverNote.value = '';
  view.to.value = '';
  view.form.hidden = true;
  view.waybill.prepend(el('p', { class: 'done no-print', role: 'status', text: message }));
  view.waybill.focus();
  void loadAvailable();
  onSent();
}

function mountForm() {
  const fromField = field({ name: 'fromShelterId', label: 'transfer.from', control: view.from });
  const toField = field({
    name: 'toShelterId',
    label: 'transfer.to',
    hint: 'transfer.toHint',
    control: view.to,
  });
  const addField = field({ name: '', label: 'transfer.addItem', control: view.addItem });
  addField.removeAttribute('data-field');
  addField.querySelector('label')?.after(view.addHint);
  view.addHint.id = `${view.addItem.id}-hint`;
  view.addItem.setAttribute('aria-describedby', view.addHint.id);
  const goods = el('fieldset', { class: 'field goods', 'data-field': 'lines' }, [
    said('legend', 'transfer.goods'),
    el('p', { class: 'field-error', hidden: true }),
    addField,
    el('div', { class: 'row' }, [view.addButton]),
    view.lineStatus,
    view.noLines,
    view.lineList,
  ]);
  view.form.replaceChildren(
    fromField,
    toField,
    goods,
    field({
      name: 'vehicle',
      label: 'transfer.vehicle',
      hint: 'transfer.vehicleHint',
      control: view.vehicle,
    }),
    field({
      name: 'driverNote',
      label: 'transfer.driverNote',
      hint: 'transfer.driverNoteHint',
      control: view.driverNote,
    }),
    el('div', { class: 'row' }, [said('button', 'transfer.continue', { type: 'submit', class: 'primary' })]),
  );
  view.from.addEventListener('change', () => {
    clearLines();
    renderTo();
    void loadAvailable();
  });
  view.addButton.addEventListener('click', addChosen);
  view.addItem.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addChosen();
  });
  writer = writeForm(view.form, {
    check,
    confirm: () => ({
      heading: t('transfer.check'),
      facts: [
        [t('transfer.from'), shelterName(fromId())],
        [t('transfer.to'), shelterName(view.to.value)],
        [t('transfer.goods'), goodsText()],
        .../** @type {Array<[string, string]>} */ (
          [
            [t('transfer.vehicleShort'), view.vehicle.value.trim()],
            [t('transfer.driverNoteShort'), view.driverNote.value.trim()],
          ].filter(([, value]) => value !== '')
        ),
      ],
      effect: t('transfer.effect', { from: shelterName(fromId()), to: shelterName(view.to.value) }),
      action:
        lines.length === 1
          ? t('transfer.doOne', { goods: goodsText() })
          : t('transfer.doMany', { count: formatNumber(lines.length) }),
    }),
    send: async (idempotencyKey) => {
      const goods = goodsText();
      const transfer = await desk.call('POST', '/v1/transfers', {
        body: body(),
        headers: { 'idempotency-key': idempotencyKey },
      });
      void showWaybill(view.waybill, desk, transfer, () => {
        view.waybill.hidden = true;
        view.form.hidden = false;
        view.to.focus();
      });
      return t('transfer.done', { to: shelterName(transfer.toShelterId), goods });
    },
    done,
  });
}

/**
 * Builds the dispatch form (or, for a key that cannot dispatch, says who can).
 * @param {DeskContext} context
 * @param {() => void} sent told when goods left
 */
export function mountDispatch(context, sent) {
  desk = context;
  onSent = sent;
  mountForm();
  view.box.append(said('h3', 'transfer.send'), view.refused, view.form, view.waybill);
  return view.box;
}

/** The section is shown (or the shelter changed): the form starts from the chosen shelter. */
export function showDispatch() {
  // Dispatching is a logistics lead's act (POST /v1/transfers): an admin's key reads only.
  const canDispatch = desk.me.role === 'logistics';
  view.refused.hidden = canDispatch;
  view.form.hidden = !canDispatch || !view.waybill.hidden;
  if (!canDispatch) return;
  const draft = pending;
  pending = undefined;
  const wanted = draft?.fromShelterId ?? desk.shelter().id;
  if (view.from.value !== wanted || draft) {
    renderFrom();
    view.from.value = wanted;
    clearLines();
  }
  renderTo();
  void loadAvailable().then(() => {
    if (!draft) return;
    view.waybill.hidden = true;
    view.form.hidden = false;
    writer.reset();
    view.from.value = draft.fromShelterId;
    renderTo();
    view.to.value = draft.toShelterId;
    for (const line of draft.lines) {
      const item = itemOf(line.itemId);
      if (item) addLine(item, line.quantity);
    }
    view.lineStatus.textContent = '';
    /** @type {HTMLElement | null} */ (view.form.querySelector('button[type=submit]'))?.focus();
  });
}

/** Whether this key may dispatch from `shelterId` (a logistics lead of it). @param {string} shelterId */
export function canDispatchFrom(shelterId) {
  return desk.me.role === 'logistics' && desk.shelters.some((shelter) => shelter.id === shelterId);
}

/**
 * Fills the dispatch form with a planned move (the Plan section's "Dispatch this"), to be checked
 * and sent by the lead: it is applied when the Transfer section is next shown.
 * @param {DispatchDraft} draft
 */
export function prefillDispatch(draft) {
  pending = draft;
}

export function renderDispatch() {
  renderFrom();
  renderTo();
  renderAddChoices();
  renderLines();
  writer.retranslate();
}
