import type { PackRemovalReason } from '../domain/device-pack.js';
import { cursorAt } from '../domain/lease.js';
import { runBounded } from '../domain/run-bounded.js';
import type { Stores } from '../store/stores.js';

/**
 * Ends every lease a device holds (sign-off hands the pool back, revocation ends it at once):
 * afterwards the vouchers can be redeemed elsewhere, and the next pack (if any) says why they left.
 */
export async function releasePool(
  deviceId: string,
  reason: PackRemovalReason,
  deps: { stores: Pick<Stores, 'leases'>; now: () => Date },
): Promise<number> {
  const stamp = cursorAt(deps.now().getTime());
  const held = (await deps.stores.leases.poolOf(deviceId)).filter((entry) => entry.state === 'held');
  const released = await runBounded(held, 16, (entry) =>
    deps.stores.leases.release(deviceId, entry.voucherId, reason, stamp),
  );
  // Entries whose lease already lapsed or moved: told so all the same.
  const stale = held.filter((_, i) => !released[i]);
  await deps.stores.leases.writeEntries(
    deviceId,
    stale.map((entry) => ({ ...entry, state: 'ended' as const, reason, changed: stamp })),
  );
  return held.length;
}
