import type { Principal } from '../domain/api-key.js';
import { deviceView, type ReleasedDevice } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadManagedDevice, refuseAnotherOrganisationsCoordinator } from './device-access.js';
import { releasePool } from './release-pool.js';

/**
 * A manager hands a phone's vouchers back to its shelter's pool, for its volunteer: a phone left
 * in a drawer, its battery flat, its volunteer gone home without signing out. It is the phone's
 * own sign-off, done from the admin page: the device is signed off (the shelter's next refreshes
 * split its vouchers between the phones still active), its leases end at once, and its next pack,
 * if it comes back, makes it active again with a share of its own. Not a revocation: nothing of
 * the phone is distrusted, so what it hands over offline afterwards syncs as any late record does
 * (booked when nobody else holds or redeemed the voucher; otherwise a conflict). A lost or stolen
 * phone is revoked instead.
 *
 * Who may: as for a revocation (revoke-device.ts): an admin, a logistics lead of the device's
 * shelter, a coordinator for its own organisation's phones.
 */
export async function releaseDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'leases'>; now: () => Date },
): Promise<ReleasedDevice> {
  const device = await loadManagedDevice(input.deviceId, actor, deps);
  refuseAnotherOrganisationsCoordinator(device, actor, 'hands back the vouchers of');
  const at = deps.now().toISOString();
  // Signed off first: a refresh of another phone meanwhile no longer counts this one as active.
  const signedOff = await deps.stores.devices.signOff(device.id, at, {
    keyId: actor.keyId,
    personId: actor.personId,
  });
  const released = await releasePool(device.id, 'released', deps);
  return { device: deviceView(signedOff), released };
}
