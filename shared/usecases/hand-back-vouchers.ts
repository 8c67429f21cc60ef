import type { Principal } from '../domain/api-key.js';
import type { HandBackInput, HandBackResult } from '../domain/device-pack.js';
import { cursorAt } from '../domain/lease.js';
import { runBounded } from '../domain/run-bounded.js';
import type { Stores } from '../store/stores.js';
import { loadOwnDevice } from './device-access.js';

/**
 * The device gives back vouchers it holds and has not handed over (asked by another desk, or its
 * volunteer's choice): their leases end at once, and they can be redeemed elsewhere.
 */
export async function handBackVouchers(
  input: { deviceId: string } & HandBackInput,
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'leases'>; now: () => Date },
): Promise<HandBackResult> {
  const device = await loadOwnDevice(input.deviceId, actor, deps);
  const now = deps.now();
  const stamp = cursorAt(now.getTime());
  const ids = [...new Set(input.voucherIds)];
  const released = await runBounded(ids, 16, (id) =>
    deps.stores.leases.handBack(device.id, id, stamp, now.toISOString()),
  );
  return {
    handedBack: ids.filter((_, i) => released[i]),
    notHeld: ids.filter((_, i) => !released[i]),
  };
}
