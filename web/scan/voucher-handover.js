// "Handed over": online, a redemption the server confirms (retried under one Idempotency-Key);
// for a voucher this device's pack holds, a record in the outbox that a sync sends later.
import { newIdempotencyKey } from '../common/api.js';
import { rememberHandover } from './handed-here.js';
import { recordHandover } from './offline-handover.js';
import * as offline from './offline-session.js';
import { redeemVoucher } from './redeem.js';
import { currentSession } from './scan-session.js';
import { quietAfterHandover } from './slip-quiet.js';
import { control, currentGeneration, onScreen, refusal, settle } from './voucher-on-screen.js';

/** @typedef {import('./offline-store.js').PoolVoucher} PoolVoucher */
/** @typedef {import('./voucher-on-screen.js').VoucherOnScreen} VoucherOnScreen */

/** @type {Map<string, string>} voucherId -> Idempotency-Key: retries, and a re-scan of the same voucher, reuse it. */
const idempotencyKeys = new Map();

export async function handOver() {
  const session = currentSession();
  const voucher = onScreen();
  const point = session?.point;
  const view = voucher?.view;
  if (session === undefined || point === undefined || voucher === undefined || view === undefined) return;
  const mine = currentGeneration();
  if (voucher.pooled) return handOverOffline(mine, voucher, voucher.pooled);
  const idempotencyKey = idempotencyKeys.get(view.voucherId) ?? newIdempotencyKey();
  idempotencyKeys.set(view.voucherId, idempotencyKey);
  settle(mine, { kind: 'sending' });
  const body = JSON.stringify({ ...voucher.reference, pickupPointId: point.id });
  try {
    const redemption = await redeemVoucher(session.key, body, idempotencyKey, control(mine));
    rememberHandover(voucher.reference, view.voucherId, view.code, redemption.redeemedAt);
    settle(mine, { kind: 'redeemed', redeemedAt: redemption.redeemedAt });
  } catch (err) {
    settle(mine, refusal(err));
  }
}

/**
 * Into the outbox first, then "Handed over, will sync"; the sync that follows (at once when
 * online) turns it into "confirmed" if this voucher is still on screen (web/scan/after-sync.js).
 * @param {number} mine
 * @param {VoucherOnScreen} voucher
 * @param {PoolVoucher} pooled
 */
async function handOverOffline(mine, voucher, pooled) {
  const device = offline.current()?.device;
  if (device === undefined) return settle(mine, { kind: 'error', detail: 'no device' });
  settle(mine, { kind: 'sending' });
  try {
    const { entry } = await recordHandover(device, pooled);
    voucher.clientRedemptionId = entry.clientRedemptionId;
    if ('token' in voucher.reference) quietAfterHandover(voucher.reference.token);
    settle(
      mine,
      entry.state === 'redeemed'
        ? { kind: 'redeemed', redeemedAt: entry.deviceTime }
        : { kind: 'pending', at: entry.deviceTime },
    );
    void offline.renderStatus();
    void offline.tick();
  } catch (err) {
    settle(mine, refusal(err));
  }
}
