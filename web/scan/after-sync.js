// After a sync: its outcomes listed under the camera, and the voucher on screen, if it was
// waiting to sync, shows what the server said of it.
import { handedHere } from './handed-here.js';
import * as offline from './offline-session.js';
import { outboxEntry } from './offline-store.js';
import { currentGeneration, onScreen, settle } from './voucher-on-screen.js';

/** @param {import('./offline-store.js').OutboxEntry[]} settled */
export async function showSyncOutcomes(settled) {
  offline.renderOutcomes(settled);
  const voucher = onScreen();
  // Taken before any wait: if the volunteer moves on meanwhile, this answer is for the voucher
  // that was on screen, and settle() drops it instead of showing it on the next one.
  const mine = currentGeneration();
  if (voucher?.outcome.kind === 'handed-here' && voucher.outcome.pending) {
    const now = await handedHere(voucher.reference);
    if (now) settle(mine, now);
    return;
  }
  const id = voucher?.clientRedemptionId;
  if (id === undefined || voucher?.outcome.kind !== 'pending') return;
  const entry = await outboxEntry(id);
  if (entry === undefined || entry.state === 'pending') return;
  settle(
    mine,
    entry.state === 'redeemed'
      ? { kind: 'redeemed', redeemedAt: entry.deviceTime }
      : {
          kind: 'sync-refused',
          reason: entry.message ?? entry.reason ?? entry.state,
          // A conflict is the logistics lead's to check: the screen says where.
          conflict: entry.state === 'conflict',
        },
  );
}
