// "Handed over": online, a redemption the server confirms (retried under one Idempotency-Key);
// for a voucher this device's pack holds, a record in the outbox that a sync sends at once.
// Either way the handover is on the phone (own-handovers.js) before the screen says so.
import { newIdempotencyKey } from '../common/api.js';
import { ownIfMine, rememberHandover } from './handed-here.js';
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
  // This phone's registration here, when it has one: the voucher keeps it, so that this phone
  // knows the handover as its own even if it loses what it kept.
  const device = offline.current()?.device;
  const deviceId = device?.pickupPointId === point.id ? device.deviceId : undefined;
  const body = {
    ...voucher.reference,
    pickupPointId: point.id,
    ...(deviceId === undefined ? {} : { deviceId }),
  };
  try {
    const redemption = await redeemVoucher(session.key, body, idempotencyKey, control(mine));
    await rememberHandover(voucher.reference, {
      voucherId: view.voucherId,
      code: view.code.replace(/-/g, ''),
      shortCode: view.code,
      at: redemption.redeemedAt,
      pickupPointId: point.id,
      ...(deviceId === undefined ? {} : { deviceId }),
    });
    settle(mine, { kind: 'redeemed', redeemedAt: redemption.redeemedAt });
  } catch (err) {
    settle(mine, await ownIfMine(refusal(err), view));
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
    const { entry, handover, fresh } = await recordHandover(device, pooled);
    if ('token' in voucher.reference) quietAfterHandover(voucher.reference.token);
    if (entry === undefined || !fresh) {
      // Handed over here already (another tab, online a moment ago): nothing more to hand over.
      settle(mine, {
        kind: 'handed-here',
        at: handover.at,
        pending: entry?.state === 'pending',
      });
    } else {
      voucher.clientRedemptionId = entry.clientRedemptionId;
      settle(mine, { kind: 'pending', at: entry.deviceTime });
    }
    void offline.renderStatus();
    void offline.sendNow();
  } catch (err) {
    settle(mine, refusal(err));
  }
}
