// The voucher screen of /scan: what to say for each outcome, and the lines to hand over.
import { $ } from '../common/dom.js';
import { formatClock, formatQuantity, formatTime, lang, t } from '../common/i18n.js';

/** @typedef {import('../common/i18n.js').MessageKey} MessageKey */
/** @typedef {import('./outcome.js').Outcome} Outcome */
/** @typedef {Outcome['kind']} Kind */
/** @typedef {import('./scan-session.js').Session} Session */
/** @typedef {import('./voucher-on-screen.js').VoucherOnScreen} VoucherOnScreen */
/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */

/**
 * Every screen has its title (signed-out never shows: the sign-in form does).
 * @type {Record<Exclude<Kind, 'signed-out'>, MessageKey>}
 */
const titles = {
  checking: 'state.checking',
  ready: 'state.ready',
  sending: 'state.sending',
  redeemed: 'state.redeemed',
  pending: 'state.pending',
  'handed-here': 'state.handedHere',
  'not-on-list': 'state.notOnList',
  'lease-ended': 'state.leaseEnded',
  'held-elsewhere': 'state.heldElsewhere',
  'sync-refused': 'state.syncRefused',
  'already-redeemed': 'state.alreadyRedeemed',
  expired: 'state.expired',
  void: 'state.void',
  'wrong-shelter': 'state.wrongShelter',
  'not-yet-valid': 'state.notYetValid',
  unreadable: 'state.unreadable',
  invalid: 'state.invalid',
  offline: 'state.offline',
  busy: 'state.busy',
  'no-stock': 'state.noStock',
  forbidden: 'state.forbidden',
  error: 'state.error',
};
/**
 * Green for go, dark green for confirmed, amber for wait; `pending` has its own colour, so a
 * handover the server has not confirmed never looks like one it has; `handed-here` is neutral.
 * @type {Partial<Record<Kind, 'go' | 'ok' | 'wait' | 'pending' | 'neutral'>>}
 */
const tones = {
  ready: 'go',
  redeemed: 'ok',
  pending: 'pending',
  'handed-here': 'neutral',
  checking: 'wait',
  sending: 'wait',
  offline: 'wait',
  busy: 'wait',
};
/** From this many lines on, the voucher screen is set compact (scan.css). */
const COMPACT_FROM = 4;
/** @type {ReadonlySet<Kind>} */
const showsLines = new Set(['ready', 'sending', 'offline', 'busy', 'redeemed', 'pending']);

/**
 * @param {Session} session
 * @param {string | undefined} id
 */
function pointName(session, id) {
  return session.points.find((point) => point.id === id)?.name ?? id ?? '?';
}

/**
 * @param {Outcome} outcome
 * @param {VoucherView | undefined} view
 * @param {Session} session
 */
function detail(outcome, view, session) {
  /** @param {string | undefined} iso */
  const when = (iso) => (iso ? formatTime(iso) : '?');
  switch (outcome.kind) {
    case 'ready':
      return t('state.ready.detail');
    case 'redeemed':
      return t('state.redeemed.detail', { time: when(outcome.redeemedAt) });
    case 'pending':
      return t('state.pending.detail', { time: formatClock(outcome.at) });
    case 'handed-here':
      return t(outcome.pending ? 'state.handedHere.pending' : 'state.handedHere.confirmed', {
        time: formatClock(outcome.at),
      });
    case 'not-on-list':
      return t('state.notOnList.detail');
    case 'lease-ended':
      return t('state.leaseEnded.detail');
    case 'held-elsewhere':
      return t('state.heldElsewhere.detail', {
        desk: [outcome.label, outcome.pickupPointName].filter(Boolean).join(', ') || '?',
      });
    case 'sync-refused':
      return t('state.syncRefused.detail', { reason: outcome.reason ?? '' });
    case 'already-redeemed':
      return t('state.alreadyRedeemed.detail', {
        point: pointName(session, outcome.pickupPointId),
        time: when(outcome.redeemedAt),
      });
    case 'expired':
      return t('state.expired.detail', { time: when(outcome.validUntil ?? view?.validUntil) });
    case 'void':
      return t('state.void.detail');
    case 'wrong-shelter':
      return t('state.wrongShelter.detail', {
        shelter:
          outcome.shelterName ??
          (outcome.shelterId && session.shelters.get(outcome.shelterId)) ??
          outcome.shelterId ??
          '?',
      });
    case 'not-yet-valid':
      return outcome.validFrom ? t('state.notYetValid.detail', { time: when(outcome.validFrom) }) : '';
    case 'unreadable':
      return t('state.unreadable.detail');
    case 'invalid':
      return t(`invalid.${outcome.reason}`);
    case 'offline':
    case 'busy':
      // Before "Handed over" only the check is being retried; after it, the handover itself.
      return t(view ? 'state.offline.detail' : 'state.retry.detail', { attempt: outcome.attempt });
    case 'no-stock':
      return t('state.noStock.detail');
    case 'forbidden':
    case 'error':
      return outcome.detail ?? '';
    default:
      return '';
  }
}

/**
 * @param {VoucherView['lines'][number]} line
 * @param {Session} session
 */
function lineItem(line, session) {
  const item = session.items.get(line.itemId);
  const name = lang() === 'km' && item?.nameKm ? item.nameKm : line.name;
  const li = document.createElement('li');
  const quantity = document.createElement('span');
  quantity.className = 'quantity';
  quantity.textContent = formatQuantity(line.quantity, line.unit);
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = name;
  li.append(quantity, label);
  return li;
}

/**
 * Fills the voucher screen: a coloured state with its title and detail, the lines, the buttons.
 * @param {VoucherOnScreen} voucher
 * @param {Session} session
 */
export function renderVoucher({ view, outcome }, session) {
  const { kind } = outcome;
  const state = $('state');
  state.dataset.kind = kind;
  state.dataset.tone = tones[kind] ?? 'stop';
  $('state-title').textContent = t(kind === 'signed-out' ? 'state.error' : titles[kind]);
  $('state-detail').textContent = detail(outcome, view, session);
  $('state-desk').hidden = !(outcome.kind === 'sync-refused' && outcome.conflict);
  const lines = showsLines.has(kind) ? (view?.lines ?? []) : [];
  $('lines').replaceChildren(...lines.map((line) => lineItem(line, session)));
  // A long voucher is set smaller, so that every line and the button fit a small phone's screen.
  $('view-voucher').dataset.lines = lines.length >= COMPACT_FROM ? 'many' : 'few';
  $('handover').hidden = kind !== 'ready';
  $('next').textContent = t(tones[kind] === 'wait' ? 'voucher.cancel' : 'voucher.next');
}
