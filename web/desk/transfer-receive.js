// One transfer on the desk (/desk#transfer=<id>, what a waybill's QR code holds). At the
// receiving shelter it is the receive form: what was sent per line, what arrived (prefilled with
// what was sent), a reason beside each line that differs (and a note for "other"), a
// check-your-answers step, then the discrepancies booked. A transfer received already says so,
// with when; at the sending end, or for a key that cannot receive it, it says who receives it and
// offers the waybill to print again.
import './transfer-messages.js';
import { ApiError } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { field, problemErrors, writeForm } from '../common/form.js';
import { formatAmount, formatNumber, formatTime, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';
import { fieldNumber, readNumber } from './read-number.js';
import { factList, waybillPart } from './transfer-waybill.js';

/** @typedef {import('../common/api-contract.js').Schema<'Transfer'>} Transfer */
/** @typedef {import('../common/api-contract.js').Schema<'DiscrepancyReason'>} Reason */
/** @typedef {import('../common/form.js').FormError} FormError */
/** @typedef {import('../common/form.js').WriteForm} WriteForm */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/** The reasons the API knows (discrepancyReasonSchema), in the order a lead thinks of them. */
const REASONS = /** @type {const} */ (['damaged', 'lost', 'stolen', 'miscounted-at-dispatch', 'other']);
const LINE_NOTE_MAX = 200;
const NOTE_MAX = 500;

/**
 * A line of what arrived.
 * @typedef {{
 *   itemId: string,
 *   sent: number,
 *   arrived: HTMLInputElement,
 *   reason: HTMLSelectElement,
 *   note: HTMLInputElement,
 *   why: HTMLElement,
 *   sentText: HTMLElement,
 *   box: HTMLFieldSetElement,
 * }} Line
 */

/** @type {DeskContext} */
let desk;
/** The transfer on screen. @type {Transfer | undefined} */
let shown;
/** @type {Line[]} */
let lines = [];
/** @type {WriteForm | undefined} */
let writer;
/** What the page was last asked to show, to say it again in another language. @type {() => void} */
let redraw = () => {};

const host = el('div', { class: 'stack transfer-detail', tabindex: '-1' });

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

/** @param {string} itemId @param {number} quantity */
function amountOf(itemId, quantity) {
  return formatAmount(quantity, itemOf(itemId)?.unit);
}

/** "5 kg fewer" / "+5 kg": a difference as the ledger books it, signed. @param {string} itemId @param {number} difference */
function differenceText(itemId, difference) {
  return `${difference > 0 ? '+' : '−'}${amountOf(itemId, Math.abs(difference))}`;
}

/** @param {Line} line */
function differs(line) {
  const arrived = readNumber(line.arrived.value);
  return Number.isFinite(arrived) && arrived !== line.sent;
}

/** Shows the reason (and the note) beside a line only while its count differs from what was sent. @param {Line} line */
function renderWhy(line) {
  line.why.hidden = !differs(line);
}

/** @param {Transfer} transfer */
function facts(transfer) {
  return factList([
    [t('transfer.number'), transfer.id, 'as-typed'],
    [t('transfer.from'), shelterName(transfer.fromShelterId)],
    [t('transfer.to'), shelterName(transfer.toShelterId)],
    [t('transfer.dispatched'), formatTime(transfer.dispatchedAt)],
    [t('transfer.goodsSent'), linesText(transfer.lines, desk.items)],
    [t('transfer.vehicleShort'), transfer.vehicle, 'as-typed'],
    [t('transfer.driverNoteShort'), transfer.driverNote, 'as-typed'],
    [t('transfer.noteShort'), transfer.note, 'as-typed'],
    [t('transfer.status'), t(transfer.status === 'received' ? 'transfer.received' : 'transfer.inTransit')],
  ]);
}

/**
 * What arrived of a received transfer, line by line, with the differences and why: a list, not
 * a table, so that each line reads whole on a phone.
 * @param {Extract<Transfer, { status: 'received' }>} transfer
 */
function receivedLines(transfer) {
  return el(
    'ul',
    { class: 'transfer-list' },
    transfer.lines.map((sent) => {
      const arrived = transfer.receivedLines.find((line) => line.itemId === sent.itemId)?.quantity ?? 0;
      const discrepancy = transfer.discrepancies.find((line) => line.itemId === sent.itemId);
      const why = discrepancy?.reason
        ? `${t(`transfer.reason.${discrepancy.reason}`)}${discrepancy.note ? `: ${discrepancy.note}` : ''}`
        : '';
      return el('li', { class: 'transfer-entry' }, [
        el('p', { class: 'transfer-where', text: nameOf(itemOf(sent.itemId), sent.itemId) }),
        el('p', {
          text: t('transfer.sentArrived', {
            sent: amountOf(sent.itemId, sent.quantity),
            arrived: amountOf(sent.itemId, arrived),
          }),
        }),
        discrepancy
          ? el('p', {
              text: t('transfer.differenceWhy', {
                difference: differenceText(sent.itemId, discrepancy.difference),
                reason: why,
              }),
            })
          : undefined,
      ]);
    }),
  );
}

/**
 * @param {Transfer} transfer
 * @param {string} [notice] said first (what just happened)
 */
function showReceived(transfer, notice) {
  if (transfer.status !== 'received') return;
  shown = transfer;
  writer = undefined;
  const to = shelterName(transfer.toShelterId);
  host.replaceChildren(
    heading(transfer),
    ...(notice ? [el('p', { class: 'done', role: 'status', text: notice })] : []),
    el('p', { text: t('transfer.receivedAt', { when: formatTime(transfer.receivedAt) }) }),
    facts(transfer),
    el('p', {
      text:
        transfer.discrepancies.length === 0
          ? t('transfer.noDiscrepancy')
          : t('transfer.discrepanciesBooked', { to }),
    }),
    receivedLines(transfer),
    backLink(),
  );
}

/** @param {Transfer} transfer */
function heading(transfer) {
  return el('h3', {
    text: t('transfer.detail', {
      from: shelterName(transfer.fromShelterId),
      to: shelterName(transfer.toShelterId),
    }),
  });
}

function backLink() {
  return el('p', {}, [said('a', 'transfer.all', { href: '#transfer' })]);
}

/** The reasons in the chosen language, keeping the one chosen. @param {HTMLSelectElement} select */
function renderReasons(select) {
  const chosen = select.value;
  select.replaceChildren(
    new Option(t('transfer.chooseReason'), ''),
    ...REASONS.map((value) => new Option(t(`transfer.reason.${value}`), value)),
  );
  select.value = chosen;
}

/** @param {Line} line */
function renderSent(line) {
  line.sentText.textContent = t('transfer.sent', { quantity: amountOf(line.itemId, line.sent) });
}

/** @param {Transfer} transfer */
function buildLines(transfer) {
  lines = transfer.lines.map((sent, index) => {
    const arrived = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    arrived.value = fieldNumber(sent.quantity);
    const reason = el('select', {});
    renderReasons(reason);
    const note = el('input', { type: 'text', autocomplete: 'off', maxlength: String(LINE_NOTE_MAX) });
    const why = el('div', { class: 'stack why' }, [
      field({ name: `lines.${index}.reason`, label: 'transfer.reason', control: reason }),
      field({
        name: `lines.${index}.note`,
        label: 'transfer.lineNote',
        hint: 'transfer.lineNoteHint',
        control: note,
      }),
    ]);
    const sentText = el('p', { class: 'hint' });
    const box = el('fieldset', { class: 'field receive-line', 'data-field': `lines.${index}` }, [
      el('legend', { translate: 'no', text: nameOf(itemOf(sent.itemId), sent.itemId) }),
      sentText,
      el('p', { class: 'field-error', hidden: true }),
      field({ name: `lines.${index}.quantity`, label: 'transfer.arrived', control: arrived }),
      why,
    ]);
    /** @type {Line} */
    const line = { itemId: sent.itemId, sent: sent.quantity, arrived, reason, note, why, sentText, box };
    arrived.addEventListener('input', () => renderWhy(line));
    renderSent(line);
    renderWhy(line);
    return line;
  });
  return lines.map((line) => line.box);
}

/** @returns {FormError[]} */
function check() {
  /** @type {FormError[]} */
  const errors = [];
  lines.forEach((line, index) => {
    const name = nameOf(itemOf(line.itemId), line.itemId);
    const arrived = readNumber(line.arrived.value);
    if (!(arrived >= 0)) {
      errors.push({ field: `lines.${index}.quantity`, message: t('transfer.enterArrived', { item: name }) });
      return;
    }
    if (arrived === line.sent) return;
    if (line.reason.value === '')
      errors.push({
        field: `lines.${index}.reason`,
        message: t('transfer.giveReason', {
          item: name,
          arrived: amountOf(line.itemId, arrived),
          sent: amountOf(line.itemId, line.sent),
        }),
      });
    const note = line.note.value.trim();
    if (line.reason.value === 'other' && note === '')
      errors.push({ field: `lines.${index}.note`, message: t('transfer.giveNote', { item: name }) });
    if (note.length > LINE_NOTE_MAX)
      errors.push({
        field: `lines.${index}.note`,
        message: t('transfer.tooLong', { max: formatNumber(LINE_NOTE_MAX) }),
      });
  });
  return errors;
}

function arrivedLines() {
  return lines.map((line) => ({ itemId: line.itemId, quantity: readNumber(line.arrived.value) }));
}

/** The body of POST /v1/transfers/{id}/receive: a reason (and a note) only where a line differs. */
function body(/** @type {HTMLTextAreaElement} */ noteField) {
  const note = noteField.value.trim();
  return {
    lines: lines.map((line) => {
      const quantity = readNumber(line.arrived.value);
      if (quantity === line.sent) return { itemId: line.itemId, quantity };
      const reason = /** @type {Reason} */ (line.reason.value);
      const lineNote = line.note.value.trim();
      return { itemId: line.itemId, quantity, reason, ...(lineNote === '' ? {} : { note: lineNote }) };
    }),
    ...(note === '' ? {} : { note: note.slice(0, NOTE_MAX) }),
  };
}

function differencesText() {
  const differing = lines.filter(differs);
  if (differing.length === 0) return t('transfer.noDifference');
  return differing
    .map((line) =>
      t('transfer.difference', {
        item: nameOf(itemOf(line.itemId), line.itemId),
        difference: differenceText(line.itemId, readNumber(line.arrived.value) - line.sent),
        reason:
          line.reason.value === ''
            ? ''
            : t(/** @type {`transfer.reason.${Reason}`} */ (`transfer.reason.${line.reason.value}`)),
      }),
    )
    .join('; ');
}

/** @param {Transfer} transfer */
function showReceiveForm(transfer) {
  const to = shelterName(transfer.toShelterId);
  const form = el('form', { class: 'stack transfer-receive' });
  const note = el('textarea', { rows: '2', autocomplete: 'off' });
  form.append(
    said('p', 'transfer.receiveIntro', { class: 'intro' }),
    ...buildLines(transfer),
    field({ name: 'note', label: 'transfer.receiveNote', control: note }),
    el('div', { class: 'row' }, [said('button', 'transfer.continue', { type: 'submit', class: 'primary' })]),
  );
  const goods = () =>
    linesText(
      arrivedLines().filter((line) => line.quantity > 0),
      desk.items,
    );
  writer = writeForm(form, {
    check,
    confirm: () => ({
      heading: t('transfer.checkReceive'),
      facts: [
        [t('transfer.from'), shelterName(transfer.fromShelterId)],
        [t('transfer.to'), to],
        [t('transfer.arrivedGoods'), goods() || formatNumber(0)],
        [t('transfer.differences'), differencesText()],
      ],
      effect: t('transfer.receiveEffect', { to }),
      action:
        lines.length === 1
          ? t('transfer.receiveOne', { goods: goods() || formatNumber(0) })
          : t('transfer.receiveMany', { count: formatNumber(lines.length) }),
    }),
    send: async (idempotencyKey) => {
      const arrived = goods();
      try {
        const received = await desk.call('POST', '/v1/transfers/{id}/receive', {
          path: { id: transfer.id },
          body: body(note),
          headers: { 'idempotency-key': idempotencyKey },
        });
        const message = t('transfer.receivedDone', { to, goods: arrived || formatNumber(0) });
        redraw = () => showReceived(received, message);
        redraw();
        return message;
      } catch (err) {
        // Received meanwhile (at another desk, or by a retry that did not reach this page): the
        // transfer as it stands, and when.
        if (!(err instanceof ApiError && err.status === 409)) throw err;
        const now = await desk.call('GET', '/v1/transfers/{id}', { path: { id: transfer.id } });
        const when = formatTime(
          err.member('receivedAt') ?? (now.status === 'received' ? now.receivedAt : ''),
        );
        redraw = () => showReceived(now, t('transfer.alreadyReceived', { when }));
        redraw();
        return '';
      }
    },
    done: () => host.focus(),
  });
  host.replaceChildren(
    heading(transfer),
    facts(transfer),
    said('h4', 'transfer.receiveHeading'),
    form,
    backLink(),
  );
}

/** @param {Transfer} transfer */
function showElsewhere(transfer) {
  const part = waybillPart(desk, transfer);
  const sender = desk.shelters.some((shelter) => shelter.id === transfer.fromShelterId);
  host.replaceChildren(
    heading(transfer),
    facts(transfer),
    el('p', { text: t('transfer.whoReceives', { to: shelterName(transfer.toShelterId) }) }),
    ...(sender ? [el('div', { class: 'row actions no-print' }, [part.print]), part.status, part.sheet] : []),
    backLink(),
  );
}

/** @param {Transfer} transfer */
function showTransfer(transfer) {
  shown = transfer;
  writer = undefined;
  if (transfer.status === 'received') {
    showReceived(transfer);
    return;
  }
  const receives =
    desk.me.role === 'logistics' && desk.shelters.some((shelter) => shelter.id === transfer.toShelterId);
  if (receives) showReceiveForm(transfer);
  else showElsewhere(transfer);
}

/**
 * @param {DeskContext} context
 */
export function mountReceive(context) {
  desk = context;
  return host;
}

/**
 * Reads the transfer the address names and shows it.
 * @param {string} transferId
 */
export async function showReceive(transferId) {
  if (shown?.id === transferId && writer) return;
  shown = undefined;
  host.replaceChildren(el('p', { role: 'status', text: t('transfer.loading') }));
  redraw = () => void showReceive(transferId);
  try {
    const transfer = await desk.call('GET', '/v1/transfers/{id}', { path: { id: transferId } });
    redraw = () => showTransfer(transfer);
    showTransfer(transfer);
  } catch (err) {
    const message =
      err instanceof ApiError && (err.status === 404 || err.status === 400)
        ? t('transfer.notFound')
        : t('transfer.loadFailed', {
            reason: problemErrors(err)
              .map((error) => error.message)
              .join(' '),
          });
    host.replaceChildren(el('p', { class: 'error', role: 'alert', text: message }), backLink());
  }
}

/** The language changed: the transfer said again (a form being filled keeps what was typed). */
export function renderReceive() {
  if (writer && shown?.status === 'in_transit') {
    for (const line of lines) {
      renderSent(line);
      renderReasons(line.reason);
    }
    writer.retranslate();
    return;
  }
  redraw();
}
