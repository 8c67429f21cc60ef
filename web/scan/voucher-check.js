// Checking a scanned or typed voucher: first what this device knows (its own handovers, the
// vouchers its pack holds), then the server.
import { handedHere, ownIfMine } from './handed-here.js';
import { checkLocally, viewOfPooled } from './offline-check.js';
import * as offline from './offline-session.js';
import { outcomeOfCheck } from './outcome.js';
import { verifyVoucher } from './redeem.js';
import { currentSession } from './scan-session.js';
import { show } from './views.js';
import { control, isCurrent, putOnScreen, refusal, settle } from './voucher-on-screen.js';

/** @typedef {import('./voucher-on-screen.js').VoucherReference} VoucherReference */

/** @param {VoucherReference} reference */
export async function check(reference) {
  const session = currentSession();
  const point = session?.point;
  if (session === undefined || point === undefined) return;
  const { mine, checking } = putOnScreen(reference);
  show('voucher');
  const here = await handedHere(reference);
  if (here) return settle(mine, here);
  const pack = offline.current()?.pack;
  if (pack && pack.offlineMode !== 'online') {
    const local = await checkLocally(reference, pack).catch(() => undefined);
    if (local?.voucher && isCurrent(mine)) {
      checking.pooled = local.voucher;
      checking.view = viewOfPooled(local.voucher, pack);
      return settle(mine, local.outcome);
    }
    // Online, the server knows more than the pack (held by another desk, another shelter...).
    if (local && !navigator.onLine) return settle(mine, local.outcome);
  }
  const body = { ...reference, pickupPointId: point.id };
  try {
    const view = await verifyVoucher(session.key, body, control(mine));
    if (isCurrent(mine)) checking.view = view;
    settle(mine, await ownIfMine(outcomeOfCheck(view, point), view));
  } catch (err) {
    settle(mine, refusal(err));
  }
}
