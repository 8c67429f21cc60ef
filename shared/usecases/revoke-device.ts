import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadManagedDevice } from './device-access.js';
import { releasePool } from './release-pool.js';

/**
 * A lost or stolen phone: revoked for good. Its leases end at once (its vouchers can be redeemed
 * at other desks right away) and its late records become conflicts at sync.
 */
export async function revokeDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'leases'>; now: () => Date },
): Promise<DeviceView> {
  await loadManagedDevice(input.deviceId, actor, deps);
  const at = deps.now().toISOString();
  const revoked = await deps.stores.devices.revoke(input.deviceId, at, actor.keyId);
  await releasePool(input.deviceId, 'lease-ended', deps);
  return deviceView(revoked);
}
