// How many vouchers this phone holds for offline, and, when it holds none while other phones hold
// the shelter's vouchers, a warning that says which phones and what to do (issue 21). Seen in the
// field: the next phone held 0, its status said "list just now", and it refused everything offline.
import { $ } from '../common/dom.js';
import { formatClock, formatNumber, formatTime, t } from '../common/i18n.js';
import { heldVoucherCount } from './offline-store.js';

/** @typedef {import('./offline-store.js').PackHeader} PackHeader */

/** Times further off than this are shown with their date. */
const CLOCK_ONLY_MS = 12 * 3_600_000;

/**
 * Vouchers this phone can still hand over offline: in its list, lease and validity not run out.
 * @param {string} deviceId
 */
export function vouchersHeldHere(deviceId) {
  return heldVoucherCount(deviceId, new Date().toISOString());
}

/**
 * The status line's part about the list: "12 vouchers on this phone for offline".
 * @param {PackHeader} pack
 * @param {number} held
 */
export function poolStatusText(pack, held) {
  if (pack.offlineMode === 'online') return t('status.poolOff');
  return t(held === 1 ? 'status.poolHere.one' : 'status.poolHere', { count: formatNumber(held) });
}

/** @param {string} iso */
function when(iso) {
  return Math.abs(Date.parse(iso) - Date.now()) < CLOCK_ONLY_MS ? formatClock(iso) : formatTime(iso);
}

/** What the warning last showed, so the 30 s loop does not make screen readers say it again. */
let shown = '';

/**
 * Shows the warning when this phone holds nothing while other phones hold the shelter's
 * vouchers (pools only), and hides it otherwise.
 * @param {PackHeader | undefined} pack
 * @param {number} held
 */
export function renderPoolWarning(pack, held) {
  const box = $('pool-warning');
  const pool = pack?.pool;
  if (pack?.offlineMode !== 'pools' || pool === undefined || held > 0 || pool.heldByOtherPhones === 0) {
    box.hidden = true;
    shown = '';
    return;
  }
  const phones = pool.otherPhones.map((phone) => {
    const silent = Date.parse(phone.silentFrom) <= Date.now();
    return t(silent ? 'pool.empty.phone.silent' : 'pool.empty.phone', {
      label: phone.label,
      point: phone.pickupPointName,
      count: formatNumber(phone.held),
      lastContact: when(phone.lastContactAt),
      silentFrom: when(phone.silentFrom),
    });
  });
  const texts = {
    title: t('pool.empty.title'),
    detail: t('pool.empty.detail', { count: formatNumber(pool.heldByOtherPhones) }),
    todo: t('pool.empty.todo'),
  };
  const signature = JSON.stringify([texts, phones]);
  box.hidden = false;
  if (signature === shown) return;
  shown = signature;
  $('pool-warning-title').textContent = texts.title;
  $('pool-warning-detail').textContent = texts.detail;
  $('pool-warning-phones').replaceChildren(
    ...phones.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  $('pool-warning-todo').textContent = texts.todo;
}
