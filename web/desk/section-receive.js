// Section 1 of the desk (issue 23): receiving goods at the lead's shelter. Who sent them (a donor
// or a supplier), the waybill number, then the goods item by item. An item is found three ways:
// a keyboard-wedge barcode scanner (it types a code into the code field, then Enter), the phone
// camera reading a printed item label's QR code (the scanner's own camera module, loaded only
// when asked for), or typing part of its name. A line counts single units or packs of one of the
// item's pack sizes ("3 × case of 24" is 72): the server multiplies, the page shows the total.
// After a check-your-answers step the receipt is one write under one Idempotency-Key, and the
// page shows a goods received note to print and sign. Below, QR item labels for the goods that
// carry no barcode, an A4 sheet each.
import './receive-messages.js';
import { ApiError, NetworkError, savedKey } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { choiceGroup, field, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, formatTime, t } from '../common/i18n.js';
import { nameOf } from './names.js';
import { printOnly } from './print.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {import('../common/api-contract.js').Schema<'Movement'>} Movement */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/** What the server takes (receiptSchema): a source and a reference of at most 200 characters. */
const TEXT_MAX = 200;
const NOTE_MAX = 500;
/** At most this many lines in one receipt (stock-lines.ts MAX_LINES: one DynamoDB transaction). */
const LINES_MAX = 50;
/** Labels on one A4 sheet (item-label-svg.ts LABELS_PER_SHEET: 3 × 8, the common label stock). */
const LABELS_PER_SHEET = 24;
/** Names shown while typing: enough to choose from on a phone's screen. */
const MATCHES_SHOWN = 6;
/** The camera sees a label for many frames: the same code within this time is one reading. */
const SAME_CODE_MS = 3_000;

/**
 * A line of the receipt being entered.
 * @typedef {{
 *   item: Item,
 *   box: HTMLFieldSetElement,
 *   amount: HTMLInputElement,
 *   countedIn: HTMLSelectElement,
 *   total: HTMLElement,
 * }} Line
 */

/** @type {DeskContext} */
let desk;
/** @type {Line[]} */
let lines = [];
/** @type {WriteForm} */
let writer;
/** The camera's stop function while it runs. @type {(() => void) | undefined} */
let stopCamera;
let lastCode = { text: '', at: 0 };

const view = {
  form: el('form', { class: 'stack receive-form' }),
  sourceType: choiceGroup({
    name: 'sourceType',
    legend: 'receive.sourceType',
    choices: [
      { value: 'donor', label: 'receive.donor' },
      { value: 'purchase', label: 'receive.purchase' },
    ],
  }),
  source: el('input', { type: 'text', autocomplete: 'organization', maxlength: String(TEXT_MAX) }),
  reference: el('input', { type: 'text', autocomplete: 'off', maxlength: String(TEXT_MAX) }),
  note: el('textarea', { rows: '2', autocomplete: 'off' }),
  code: el('input', {
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
  }),
  find: el('input', { type: 'search', autocomplete: 'off' }),
  matches: el('ul', { class: 'matches' }),
  scanStatus: el('p', { class: 'scan-status', role: 'status' }),
  // Not marked data-i18n: it says "Stop the camera" while the camera runs.
  cameraButton: el('button', { type: 'button', class: 'secondary', text: t('receive.camera') }),
  video: el('video', { class: 'camera', muted: true, playsinline: true, hidden: true }),
  lineList: el('div', { class: 'receive-lines stack' }),
  noLines: said('p', 'receive.noLines', { class: 'hint' }),
  receipt: el('article', { class: 'receipt stack', hidden: true, tabindex: '-1' }),
  labelsIntro: el('p', { class: 'hint' }),
  labelList: el('ul', { class: 'label-list' }),
  labelStatus: el('p', { role: 'status' }),
  // Shown by the print style sheet only (desk.css): on screen the buttons above stand for it.
  labelSheet: el('div', { class: 'label-sheet' }),
};

function shelterName() {
  const shelter = desk.shelter();
  return nameOf(shelter, shelter.id);
}

/** Khmer digits and a decimal comma read as the API's numbers ("២៤" is 24). @param {string} text */
function readNumber(text) {
  const latin = text
    .trim()
    .replace(/[០-៩]/g, (digit) => String('០១២៣៤៥៦៧៨៩'.indexOf(digit)))
    .replace(',', '.');
  return latin === '' ? Number.NaN : Number(latin);
}

/** @param {Line} line */
function packOf(line) {
  return line.item.packSizes?.find((size) => size.name === line.countedIn.value);
}

/** What the line adds up to in the item's unit, or undefined while the number is not one. @param {Line} line */
function unitsOf(line) {
  const amount = readNumber(line.amount.value);
  if (!(amount > 0)) return undefined;
  const pack = packOf(line);
  return pack ? amount * pack.units : amount;
}

/** @param {Line} line */
function lineText(line) {
  const units = unitsOf(line) ?? 0;
  const pack = packOf(line);
  const counted = pack
    ? ` (${t('receive.packsCounted', { packs: formatNumber(readNumber(line.amount.value)), pack: packName(line.item, pack) })})`
    : '';
  return `${formatAmount(units, line.item.unit)} ${nameOf(line.item, line.item.id)}${counted}`;
}

/**
 * "case of 24", "sack of 25 kg": a pack as the person counting it says it.
 * @param {Item} item
 * @param {{ name: string, units: number }} pack
 */
function packName(item, pack) {
  return t('receive.packOf', { pack: pack.name, units: formatAmount(pack.units, item.unit) });
}

/** @param {Line} line */
function renderTotal(line) {
  const units = unitsOf(line);
  line.total.textContent =
    units === undefined || !packOf(line)
      ? ''
      : t('receive.total', { quantity: formatAmount(units, line.item.unit) });
}

/** The lines' names, choices and field paths (`lines.<index>`), after any change of the list. */
function renderLines() {
  lines.forEach((line, index) => {
    line.box.dataset.field = `lines.${index}`;
    const name = nameOf(line.item, line.item.id);
    const legend = line.box.querySelector('legend');
    if (legend) legend.textContent = name;
    const selected = line.countedIn.value;
    line.countedIn.replaceChildren(
      new Option(t('receive.singles', { unit: formatAmount(1, line.item.unit) }), ''),
      ...(line.item.packSizes ?? []).map((pack) => new Option(packName(line.item, pack), pack.name)),
    );
    line.countedIn.value = selected;
    const remove = line.box.querySelector('button.remove');
    if (remove) remove.textContent = t('receive.remove', { item: name });
    renderTotal(line);
  });
  view.noLines.hidden = lines.length > 0;
}

/** @param {Item} item */
function addLine(item) {
  const known = lines.find((line) => line.item.id === item.id);
  if (known) {
    view.scanStatus.textContent = t('receive.already', { item: nameOf(item, item.id) });
    known.amount.focus();
    return;
  }
  if (lines.length >= LINES_MAX) {
    view.scanStatus.textContent = t('receive.tooManyLines', { max: formatNumber(LINES_MAX) });
    return;
  }
  const amount = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const countedIn = el('select', {});
  const total = el('p', { class: 'hint line-total', 'aria-live': 'polite' });
  const remove = el('button', { type: 'button', class: 'link remove' });
  const error = el('p', { class: 'field-error', hidden: true });
  const box = el('fieldset', { class: 'field receive-line' }, [el('legend', { translate: 'no' }), error]);
  const amountField = field({ name: '', label: 'receive.howMany', control: amount });
  const countedField = field({ name: '', label: 'receive.countIn', control: countedIn });
  // The line's own error describes both controls; the fields' boxes are not addressed by errors.
  for (const inner of [amountField, countedField]) inner.removeAttribute('data-field');
  error.id = `${amount.id}-line-error`;
  amount.setAttribute('aria-describedby', error.id);
  box.append(el('div', { class: 'row line-controls' }, [amountField, countedField]), total, remove);
  /** @type {Line} */
  const line = { item, box, amount, countedIn, total };
  amount.addEventListener('input', () => renderTotal(line));
  countedIn.addEventListener('change', () => renderTotal(line));
  remove.addEventListener('click', () => {
    lines = lines.filter((other) => other !== line);
    box.remove();
    renderLines();
    view.scanStatus.textContent = t('receive.removed', { item: nameOf(item, item.id) });
    view.code.focus();
  });
  lines.push(line);
  view.lineList.append(box);
  renderLines();
  view.scanStatus.textContent = t('receive.added', { item: nameOf(item, item.id) });
  amount.focus();
}

/**
 * The item a scanner's or a camera's code names, added as a line. The code is never repeated on
 * screen: a voucher's QR code held up by mistake stays out of the page.
 * @param {string} code
 */
async function lookUp(code) {
  const text = code.trim();
  if (text === '') return;
  // The id printed under a label's QR code ("rice"), typed by hand: the catalogue has it.
  const typed = desk.items.find((item) => item.id === text.toLowerCase());
  if (typed) {
    view.code.value = '';
    addLine(typed);
    return;
  }
  view.scanStatus.textContent = t('receive.looking');
  try {
    const found = await desk.call('GET', '/v1/items/by-code', { query: { code: text } });
    view.code.value = '';
    // The catalogue's record, when loaded: the same item, as the rest of the desk names it.
    addLine(desk.items.find((item) => item.id === found.item.id) ?? found.item);
  } catch (err) {
    view.scanStatus.textContent =
      err instanceof ApiError && err.status === 404
        ? t('receive.unknownCode')
        : err instanceof ApiError && err.status === 400
          ? t('receive.badCode')
          : err instanceof NetworkError
            ? t('form.offline')
            : err instanceof Error
              ? err.message
              : String(err);
    view.code.select();
  }
}

function renderMatches() {
  const text = view.find.value.trim().toLocaleLowerCase();
  if (text === '') {
    view.matches.replaceChildren();
    return;
  }
  const found = desk.items
    .filter((item) =>
      [item.name, item.nameKm ?? '', item.id].some((name) => name.toLocaleLowerCase().includes(text)),
    )
    .slice(0, MATCHES_SHOWN);
  view.matches.replaceChildren(
    ...(found.length === 0
      ? [el('li', { class: 'hint', text: t('receive.noMatch', { text: view.find.value.trim() }) })]
      : found.map((item) => {
          const button = el('button', {
            type: 'button',
            class: 'secondary',
            text: t('receive.add', { item: nameOf(item, item.id) }),
          });
          button.addEventListener('click', () => {
            view.find.value = '';
            view.matches.replaceChildren();
            addLine(item);
          });
          return el('li', {}, [button]);
        })),
  );
}

function cameraOff() {
  stopCamera?.();
  stopCamera = undefined;
  view.video.hidden = true;
  view.cameraButton.textContent = t('receive.camera');
}

async function toggleCamera() {
  if (stopCamera) {
    cameraOff();
    return;
  }
  try {
    // The scanner's camera and QR decoder, fetched only when a lead asks for the camera.
    const { startCamera } = await import('../scan/camera.js');
    view.video.hidden = false;
    view.cameraButton.textContent = t('receive.cameraStop');
    view.scanStatus.textContent = t('receive.cameraOn');
    stopCamera = await startCamera(
      view.video,
      (text) => {
        const now = Date.now();
        if (text === lastCode.text && now - lastCode.at < SAME_CODE_MS) return;
        lastCode = { text, at: now };
        cameraOff();
        void lookUp(text);
      },
      () => stopCamera !== undefined || !view.video.hidden,
    );
  } catch (err) {
    cameraOff();
    view.scanStatus.textContent = t('receive.cameraFailed', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}

/** @returns {'donor' | 'purchase' | undefined} */
function sourceType() {
  const chosen = /** @type {HTMLInputElement | null} */ (
    view.form.querySelector('input[name=sourceType]:checked')
  );
  return chosen?.value === 'donor' || chosen?.value === 'purchase' ? chosen.value : undefined;
}

/** @returns {FormError[]} */
function check() {
  /** @type {FormError[]} */
  const errors = [];
  if (sourceType() === undefined) errors.push({ field: 'sourceType', message: t('receive.chooseType') });
  const source = view.source.value.trim();
  if (source === '') errors.push({ field: 'source', message: t('receive.enterSource') });
  else if (source.length > TEXT_MAX)
    errors.push({ field: 'source', message: t('receive.tooLong', { max: formatNumber(TEXT_MAX) }) });
  if (view.reference.value.trim().length > TEXT_MAX)
    errors.push({ field: 'reference', message: t('receive.tooLong', { max: formatNumber(TEXT_MAX) }) });
  if (view.note.value.trim().length > NOTE_MAX)
    errors.push({ field: 'note', message: t('receive.tooLong', { max: formatNumber(NOTE_MAX) }) });
  if (lines.length === 0) errors.push({ field: 'lines', message: t('receive.addLine') });
  lines.forEach((line, index) => {
    const name = nameOf(line.item, line.item.id);
    const amount = readNumber(line.amount.value);
    if (!(amount > 0))
      errors.push({ field: `lines.${index}`, message: t('receive.enterQuantity', { item: name }) });
    else if (packOf(line) && !Number.isInteger(amount))
      errors.push({ field: `lines.${index}`, message: t('receive.wholePacks', { item: name }) });
  });
  return errors;
}

function goodsText() {
  return lines.map(lineText).join(', ');
}

/** The receipt as the API takes it: packs stay packs (the ledger keeps how they were counted). */
function body() {
  const reference = view.reference.value.trim();
  const note = view.note.value.trim();
  return {
    sourceType: sourceType() ?? 'donor',
    source: view.source.value.trim(),
    ...(reference === '' ? {} : { reference }),
    ...(note === '' ? {} : { note }),
    lines: lines.map((line) => {
      const pack = packOf(line);
      const amount = readNumber(line.amount.value);
      return pack
        ? { itemId: line.item.id, packs: amount, pack: pack.name }
        : { itemId: line.item.id, quantity: amount };
    }),
  };
}

/** @param {ReadonlyArray<[string, string | undefined]>} facts */
function factList(facts) {
  return el(
    'dl',
    { class: 'facts' },
    facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([term, value]) => el('div', {}, [el('dt', { text: term }), el('dd', { text: value })])),
  );
}

/**
 * The goods received note: what the ledger recorded, to print and sign.
 * @param {Movement} movement
 */
function showReceipt(movement) {
  // A person's name when the key is theirs; a machine key is named by its role, not its id.
  const who = desk.me.displayName ?? t(desk.me.role === 'admin' ? 'desk.role.admin' : 'desk.role.logistics');
  const rows = movement.lines.map((line) => {
    const item = desk.items.find((candidate) => candidate.id === line.itemId);
    const packs =
      line.packs !== undefined && line.pack !== undefined
        ? ` (${t('receive.packsCounted', { packs: formatNumber(line.packs), pack: line.pack })})`
        : '';
    return el('tr', {}, [
      el('td', { text: nameOf(item, line.itemId) }),
      el('td', { class: 'number', text: `${formatAmount(line.quantity, item?.unit)}${packs}` }),
      el('td', {
        class: 'number',
        text: line.balanceAfter === undefined ? '' : formatAmount(line.balanceAfter, item?.unit),
      }),
    ]);
  });
  const another = said('button', 'receive.another', { type: 'button', class: 'secondary' });
  const print = said('button', 'receive.print', { type: 'button', class: 'primary' });
  print.addEventListener('click', () => printOnly(view.receipt));
  another.addEventListener('click', () => {
    view.receipt.hidden = true;
    view.form.hidden = false;
    view.source.focus();
  });
  view.receipt.replaceChildren(
    said('h3', 'receive.receipt'),
    factList([
      [t('receive.at'), shelterName()],
      [
        t('receive.from'),
        `${movement.source ?? ''} · ${t(movement.sourceType === 'purchase' ? 'receive.purchase' : 'receive.donor')}`,
      ],
      [t('receive.waybill'), movement.reference],
      [t('receive.recordedAt'), formatTime(movement.recordedAt ?? movement.at)],
      [t('receive.recordedBy'), who],
      [t('receive.receiptNo'), movement.id],
      [t('receive.note'), movement.note],
    ]),
    el('div', { class: 'table-wrap' }, [
      el('table', { class: 'receipt-lines' }, [
        el('thead', {}, [
          el('tr', {}, [
            said('th', 'receive.item', { scope: 'col' }),
            said('th', 'receive.quantity', { scope: 'col', class: 'number' }),
            said('th', 'receive.balance', { scope: 'col', class: 'number' }),
          ]),
        ]),
        el('tbody', {}, rows),
      ]),
    ]),
    el('p', { class: 'signature', text: `${t('receive.signature')}: ` }),
    el('div', { class: 'row actions no-print' }, [print, another]),
  );
  view.receipt.hidden = false;
}

/** Empties the form for the next truck (the source type stays: the next is often the same). */
function clearForm() {
  view.source.value = '';
  view.reference.value = '';
  view.note.value = '';
  view.code.value = '';
  view.find.value = '';
  view.matches.replaceChildren();
  view.scanStatus.textContent = '';
  for (const line of lines) line.box.remove();
  lines = [];
  renderLines();
}

/** The items without a barcode, each with a button that prints its A4 sheet of QR labels. */
function renderLabels() {
  view.labelsIntro.textContent = t('receive.labelsIntro', { count: formatNumber(LABELS_PER_SHEET) });
  const unlabelled = desk.items.filter((item) => (item.barcodes ?? []).length === 0);
  view.labelList.replaceChildren(
    ...(unlabelled.length === 0
      ? [said('li', 'receive.labelsNone', { class: 'hint' })]
      : unlabelled.map((item) => {
          const button = el('button', {
            type: 'button',
            class: 'secondary',
            text: t('receive.printLabels', { item: nameOf(item, item.id) }),
          });
          button.addEventListener('click', () => void printLabels(item));
          return el('li', {}, [button]);
        })),
  );
}

/**
 * Prints an item's A4 sheet of labels. The label endpoint wants the key like every other call,
 * which a plain link cannot send: the page fetches the SVG and prints it inline.
 * @param {Item} item
 */
async function printLabels(item) {
  const name = nameOf(item, item.id);
  view.labelStatus.textContent = t('receive.labelsLoading', { item: name });
  try {
    const response = await fetch(`/v1/items/${encodeURIComponent(item.id)}/label.svg?layout=a4-sheet`, {
      headers: { authorization: `Bearer ${savedKey.get('logistics') ?? ''}` },
      cache: 'no-store',
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const parsed = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') throw new Error('not an SVG');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('receive.printLabels', { item: name }));
    view.labelSheet.replaceChildren(document.importNode(svg, true));
    view.labelStatus.textContent = '';
    printOnly(view.labelSheet);
  } catch (err) {
    view.labelStatus.textContent = t('receive.labelsFailed', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}

/** @type {import('./desk-types.js').DeskSection} */
export const receiveSection = {
  id: 'receive',
  title: 'receive.title',
  mount(host, context) {
    desk = context;
    const codeField = field({
      name: 'code',
      label: 'receive.code',
      hint: 'receive.codeHint',
      control: view.code,
    });
    codeField.removeAttribute('data-field');
    const findField = field({
      name: 'find',
      label: 'receive.find',
      hint: 'receive.findHint',
      control: view.find,
    });
    findField.removeAttribute('data-field');
    const goods = el('fieldset', { class: 'field goods', 'data-field': 'lines' }, [
      said('legend', 'receive.goods'),
      el('p', { class: 'field-error', hidden: true }),
      codeField,
      el('div', { class: 'row' }, [view.cameraButton]),
      view.video,
      findField,
      view.matches,
      view.scanStatus,
      view.noLines,
      view.lineList,
    ]);
    view.form.replaceChildren(
      view.sourceType,
      field({ name: 'source', label: 'receive.source', hint: 'receive.sourceHint', control: view.source }),
      field({
        name: 'reference',
        label: 'receive.reference',
        hint: 'receive.referenceHint',
        control: view.reference,
      }),
      goods,
      field({ name: 'note', label: 'receive.note', hint: 'receive.noteHint', control: view.note }),
      el('div', { class: 'row' }, [said('button', 'receive.continue', { type: 'submit', class: 'primary' })]),
    );
    // A wedge scanner ends its code with Enter: that looks the code up, it does not submit.
    view.code.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void lookUp(view.code.value);
    });
    view.find.addEventListener('input', renderMatches);
    view.find.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      /** @type {HTMLButtonElement | null} */ (view.matches.querySelector('button'))?.click();
    });
    view.cameraButton.addEventListener('click', () => void toggleCamera());
    writer = writeForm(view.form, {
      check,
      confirm: () => ({
        heading: t('receive.check'),
        facts: [
          [t('receive.at'), shelterName()],
          [
            t('receive.from'),
            `${view.source.value.trim()} · ${t(sourceType() === 'purchase' ? 'receive.purchase' : 'receive.donor')}`,
          ],
          ...(view.reference.value.trim() === ''
            ? []
            : /** @type {Array<[string, string]>} */ ([[t('receive.waybill'), view.reference.value.trim()]])),
          [t('receive.goods'), goodsText()],
        ],
        effect: t('receive.effect', { shelter: shelterName() }),
        action:
          lines.length === 1
            ? t('receive.doOne', { goods: goodsText() })
            : t('receive.doMany', { count: formatNumber(lines.length) }),
      }),
      send: async (idempotencyKey) => {
        const movement = await desk.call('POST', '/v1/shelters/{id}/receipts', {
          path: { id: desk.shelter().id },
          body: body(),
          headers: { 'idempotency-key': idempotencyKey },
        });
        showReceipt(movement);
        return t('receive.done', { shelter: shelterName(), goods: goodsText() });
      },
      done: (message) => {
        view.receipt.prepend(el('p', { class: 'done no-print', role: 'status', text: message }));
        clearForm();
        view.form.hidden = true;
        view.receipt.focus();
      },
    });
    host.append(
      said('p', 'receive.intro', { class: 'intro' }),
      view.form,
      view.receipt,
      el('section', { class: 'stack labels', 'aria-labelledby': 'receive-labels-title' }, [
        said('h3', 'receive.labels', { id: 'receive-labels-title' }),
        view.labelsIntro,
        view.labelList,
        view.labelStatus,
      ]),
      view.labelSheet,
    );
    renderLines();
    renderLabels();
  },
  show() {
    renderLabels();
  },
  render() {
    renderLines();
    renderMatches();
    renderLabels();
    writer.retranslate();
    if (!stopCamera) view.cameraButton.textContent = t('receive.camera');
  },
};
