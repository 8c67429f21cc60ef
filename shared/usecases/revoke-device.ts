import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadManagedDevice } from './device-access.js';

/**
 * A lost or stolen phone: revoked for good (pools and sync, which end its leases and turn its
 * late records into conflicts, are not built yet).
 */
export async function revokeDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices'>; now: () => Date },
): Promise<DeviceView> {
  await loadManagedDevice(input.deviceId, actor, deps);
  const at = deps.now().toISOString();
  const revoked = await deps.stores.devices.revoke(input.deviceId, at, actor.keyId);
  return deviceView(revoked);
}
