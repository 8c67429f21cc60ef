import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadManagedDevice, refuseAnotherOrganisationsCoordinator } from './device-access.js';
import { releasePool } from './release-pool.js';

/**
 * A lost or stolen phone: revoked for good. Its leases end at once (its vouchers can be redeemed
 * at other desks right away) and its late records become conflicts at sync.
 *
 * Who may: an admin; a logistics lead of the device's shelter, whichever organisation's
 * volunteers it serves (the shelter's desks are theirs to keep safe); a coordinator only for its
 * own organisation's phones. A partner's coordinator at a shared shelter sees the phone in the
 * shelter's list but cannot end it: revocation is final, and the partner's day depends on it.
 */
export async function revokeDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'leases'>; now: () => Date },
): Promise<DeviceView> {
  const device = await loadManagedDevice(input.deviceId, actor, deps);
  refuseAnotherOrganisationsCoordinator(device, actor, 'revokes');
  const at = deps.now().toISOString();
  const revoked = await deps.stores.devices.revoke(input.deviceId, at, actor.keyId);
  await releasePool(input.deviceId, 'lease-ended', deps);
  return deviceView(revoked);
}
