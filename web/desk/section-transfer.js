// Section 3 of the desk (issue 23): transfers between shelters. /desk#transfer shows the dispatch
// form (transfer-dispatch.js), a camera button that reads a waybill's QR code, and the stock in
// transit at both ends of the lead's shelter: incoming, each with a link to receive it, and
// outgoing. /desk#transfer=<id> (what the waybill's QR code holds: a phone's camera app opens it,
// or the desk's camera reads it) shows that transfer: its receive form at the receiving shelter
// (transfer-receive.js).
import './transfer-messages.js';
import { transferIdOfWaybill } from '../../shared/rules/waybill.js';
import { el, said } from '../common/elements.js';
import { problemErrors } from '../common/form.js';
import { formatTime, t } from '../common/i18n.js';
import { linesText, nameOf } from './names.js';
import { mountDispatch, renderDispatch, showDispatch } from './transfer-dispatch.js';
import { mountReceive, renderReceive, showReceive } from './transfer-receive.js';

/** @typedef {import('../common/api-contract.js').Schema<'Transfer'>} Transfer */
/** @typedef {import('./desk-types.js').DeskContext} DeskContext */

/** @type {DeskContext} */
let desk;
/** The camera's stop function while it runs. @type {(() => void) | undefined} */
let stopCamera;
/** The transfer the address names, when it names one. @type {string | undefined} */
let opened;
/** The lists as last read, to say again in another language. */
/** @type {{ incoming: Transfer[], outgoing: Transfer[] } | undefined} */
let inTransit;
/** The section's box. @type {HTMLElement} */
let sectionHost;

const view = {
  main: el('div', { class: 'stack' }),
  detail: el('div', { class: 'stack', hidden: true }),
  cameraButton: el('button', { type: 'button', class: 'secondary', text: t('transfer.camera') }),
  video: el('video', { class: 'camera', muted: true, playsinline: true, hidden: true }),
  scanStatus: el('p', { class: 'scan-status', role: 'status' }),
  incomingTitle: el('h3', { id: 'transfer-incoming-title' }),
  incoming: el('ul', { class: 'transfer-list' }),
  outgoingTitle: el('h3', { id: 'transfer-outgoing-title' }),
  outgoing: el('ul', { class: 'transfer-list' }),
  listStatus: el('p', { role: 'status' }),
};

/** @param {string} id */
function shelterName(id) {
  return nameOf(
    desk.everyShelter.find((shelter) => shelter.id === id),
    id,
  );
}

function cameraOff() {
  stopCamera?.();
  stopCamera = undefined;
  view.video.hidden = true;
  view.cameraButton.textContent = t('transfer.camera');
}

/** The desk's camera reads a waybill's QR code and opens its transfer. */
async function toggleCamera() {
  if (stopCamera) {
    cameraOff();
    return;
  }
  try {
    // The scanner's camera and QR decoder, fetched only when a lead asks for the camera.
    const { startCamera } = await import('../scan/camera.js');
    view.video.hidden = false;
    view.cameraButton.textContent = t('transfer.cameraStop');
    view.scanStatus.textContent = t('transfer.cameraOn');
    stopCamera = await startCamera(
      view.video,
      (text) => {
        const transferId = transferIdOfWaybill(text);
        // Another QR code (a voucher's, an item label's) is not repeated on screen.
        if (transferId === undefined) {
          view.scanStatus.textContent = t('transfer.notWaybill');
          return;
        }
        cameraOff();
        view.scanStatus.textContent = '';
        desk.go('transfer', transferId);
      },
      () => stopCamera !== undefined || !view.video.hidden,
    );
  } catch (err) {
    cameraOff();
    view.scanStatus.textContent = t('transfer.cameraFailed', {
      reason: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * One transfer on its way, with the link that opens it.
 * @param {Transfer} transfer
 * @param {'incoming' | 'outgoing'} direction
 */
function transferEntry(transfer, direction) {
  const when = formatTime(transfer.dispatchedAt);
  const from = shelterName(transfer.fromShelterId);
  const to = shelterName(transfer.toShelterId);
  return el('li', { class: 'stack transfer-entry' }, [
    el('p', {
      class: 'transfer-where',
      text:
        direction === 'incoming' ? t('transfer.fromAt', { from, when }) : t('transfer.toAt', { to, when }),
    }),
    el('p', { text: linesText(transfer.lines, desk.items) }),
    el('a', {
      href: `#transfer=${encodeURIComponent(transfer.id)}`,
      text:
        direction === 'incoming'
          ? t('transfer.receiveThis', { from, when })
          : t('transfer.openThis', { to, when }),
    }),
  ]);
}

function renderLists() {
  const shelter = nameOf(desk.shelter(), desk.shelter().id);
  view.incomingTitle.textContent = t('transfer.incoming', { shelter });
  view.outgoingTitle.textContent = t('transfer.outgoing', { shelter });
  if (!inTransit) return;
  view.incoming.replaceChildren(
    ...(inTransit.incoming.length === 0
      ? [el('li', { class: 'hint', text: t('transfer.noneIncoming', { shelter }) })]
      : inTransit.incoming.map((transfer) => transferEntry(transfer, 'incoming'))),
  );
  view.outgoing.replaceChildren(
    ...(inTransit.outgoing.length === 0
      ? [el('li', { class: 'hint', text: t('transfer.noneOutgoing', { shelter }) })]
      : inTransit.outgoing.map((transfer) => transferEntry(transfer, 'outgoing'))),
  );
}

/** The chosen shelter's stock in transit, both ways; the incoming count beside the section's name. */
async function loadLists() {
  const shelterId = desk.shelter().id;
  try {
    const [incoming, outgoing] = await Promise.all(
      /** @type {const} */ (['incoming', 'outgoing']).map((direction) =>
        desk.list('/v1/transfers', { query: { shelterId, direction, status: 'in_transit' } }),
      ),
    );
    if (shelterId !== desk.shelter().id) return;
    inTransit = { incoming: incoming ?? [], outgoing: outgoing ?? [] };
    view.listStatus.textContent = '';
    desk.count('transfer', inTransit.incoming.length || undefined);
  } catch (err) {
    inTransit = undefined;
    view.listStatus.textContent = t('transfer.listFailed', {
      reason: problemErrors(err)
        .map((error) => error.message)
        .join(' '),
    });
  }
  renderLists();
}

/**
 * Words marked data-i18n, said in the chosen language: parts built when the module loaded, before
 * the page knew the language, and parts off the page when the language last changed.
 * @param {HTMLElement} host
 */
function sayAgain(host) {
  for (const node of host.querySelectorAll('[data-i18n]'))
    node.textContent = t(
      /** @type {import('../common/i18n.js').MessageKey} */ (node.getAttribute('data-i18n')),
    );
}

/** @type {import('./desk-types.js').DeskSection} */
export const transferSection = {
  id: 'transfer',
  title: 'transfer.title',
  mount(host, context) {
    desk = context;
    sectionHost = host;
    view.cameraButton.addEventListener('click', () => void toggleCamera());
    view.detail.append(mountReceive(context));
    view.main.append(
      mountDispatch(context, () => void loadLists()),
      el('section', { class: 'stack', 'aria-labelledby': 'transfer-scan-title' }, [
        said('h3', 'transfer.scan', { id: 'transfer-scan-title' }),
        said('p', 'transfer.scanIntro', { class: 'hint' }),
        el('div', { class: 'row' }, [view.cameraButton]),
        view.video,
        view.scanStatus,
      ]),
      el('section', { class: 'stack', 'aria-labelledby': view.incomingTitle.id }, [
        view.incomingTitle,
        view.incoming,
      ]),
      el('section', { class: 'stack', 'aria-labelledby': view.outgoingTitle.id }, [
        view.outgoingTitle,
        view.outgoing,
        view.listStatus,
      ]),
    );
    host.append(said('p', 'transfer.intro', { class: 'intro' }), view.detail, view.main);
    sayAgain(host);
  },
  async show(route) {
    cameraOff();
    opened = route.argument;
    view.detail.hidden = opened === undefined;
    view.main.hidden = opened !== undefined;
    if (opened !== undefined) {
      await showReceive(opened);
      return;
    }
    showDispatch();
    await loadLists();
  },
  render() {
    if (!stopCamera) view.cameraButton.textContent = t('transfer.camera');
    renderDispatch();
    renderLists();
    if (opened !== undefined) renderReceive();
    sayAgain(sectionHost);
  },
  shelterChanged() {
    void loadLists();
  },
};
