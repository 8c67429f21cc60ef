// A transfer's waybill on the desk: the API's A4 SVG (GET /v1/transfers/{id}/waybill.svg), with
// the QR code that opens the transfer's receive form at the other end. The endpoint wants the key
// like every other call, which a plain link or <img> cannot send: the page fetches the SVG and
// shows it inline, and the print style sheet (desk.css) prints it alone on A4.
import { savedKey } from '../common/api.js';
import { el, said } from '../common/elements.js';
import { formatTime, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';
import { printOnly } from './print.js';

/** @typedef {import('../common/api-contract.js').Schema<'Transfer'>} Transfer */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/**
 * The waybill of `transfer` as an SVG element, named for a screen reader.
 * @param {Transfer} transfer
 * @param {string} name
 */
async function waybillSvg(transfer, name) {
  const response = await fetch(`/v1/transfers/${encodeURIComponent(transfer.id)}/waybill.svg`, {
    headers: { authorization: `Bearer ${savedKey.get('logistics') ?? ''}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const parsed = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const svg = parsed.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('not an SVG');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', name);
  return document.importNode(svg, true);
}

/**
 * A sheet that loads the waybill and a button that prints it.
 * @param {DeskContext} desk
 * @param {Transfer} transfer
 */
export function waybillPart(desk, transfer) {
  const from = nameOf(
    desk.everyShelter.find((shelter) => shelter.id === transfer.fromShelterId),
    transfer.fromShelterId,
  );
  const to = nameOf(
    desk.everyShelter.find((shelter) => shelter.id === transfer.toShelterId),
    transfer.toShelterId,
  );
  const sheet = el('div', { class: 'waybill-sheet' });
  const status = el('p', { role: 'status', text: t('transfer.waybillLoading') });
  const print = said('button', 'transfer.print', {
    type: 'button',
    class: 'primary',
    'aria-disabled': 'true',
  });
  const loaded = waybillSvg(transfer, t('transfer.waybillImage', { from, to })).then(
    (svg) => {
      sheet.replaceChildren(svg);
      status.textContent = '';
      print.removeAttribute('aria-disabled');
    },
    (err) => {
      status.textContent = t('transfer.waybillFailed', {
        reason: err instanceof Error ? err.message : String(err),
      });
    },
  );
  print.addEventListener('click', () => {
    if (sheet.firstChild) printOnly(sheet);
  });
  return { sheet, status, print, loaded, from, to };
}

/**
 * After a dispatch: what left, and the waybill to print, in `host`.
 * @param {HTMLElement} host
 * @param {DeskContext} desk
 * @param {Transfer} transfer
 * @param {() => void} another "Send more goods"
 */
export async function showWaybill(host, desk, transfer, another) {
  const part = waybillPart(desk, transfer);
  const again = said('button', 'transfer.another', { type: 'button', class: 'secondary' });
  again.addEventListener('click', another);
  /** @type {Parameters<typeof factList>[0]} */
  const facts = [
    [t('transfer.number'), transfer.id, 'as-typed'],
    [t('transfer.from'), part.from],
    [t('transfer.to'), part.to],
    [t('transfer.goodsSent'), linesText(transfer.lines, desk.items)],
    [t('transfer.dispatched'), formatTime(transfer.dispatchedAt)],
    [t('transfer.vehicleShort'), transfer.vehicle, 'as-typed'],
    [t('transfer.driverNoteShort'), transfer.driverNote, 'as-typed'],
  ];
  host.replaceChildren(
    said('h4', 'transfer.waybill'),
    el('p', { class: 'hint', text: t('transfer.waybillIntro', { to: part.to }) }),
    factList(facts),
    el('div', { class: 'row actions no-print' }, [part.print, again]),
    part.status,
    part.sheet,
  );
  host.hidden = false;
  await part.loaded;
}

/**
 * Facts as a list of terms; a value marked 'as-typed' (a number, a plate, a note) is shown as it
 * was written, not translated and not put in Khmer digits.
 * @param {ReadonlyArray<[string, string | undefined] | [string, string | undefined, 'as-typed']>} facts
 */
export function factList(facts) {
  return el(
    'dl',
    { class: 'facts' },
    facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([term, value, how]) =>
        el('div', {}, [
          el('dt', { text: term }),
          el('dd', { text: value, translate: how === 'as-typed' ? 'no' : undefined }),
        ]),
      ),
  );
}
