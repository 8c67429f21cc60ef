import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadOwnDevice } from './device-access.js';
import { releasePool } from './release-pool.js';

/**
 * The volunteer ends the day on this phone (after a last sync): its whole pool is handed back,
 * and the shelter's next refreshes split it between the devices still active.
 */
export async function signOffDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices' | 'leases'>; now: () => Date },
): Promise<DeviceView> {
  await loadOwnDevice(input.deviceId, actor, deps);
  const at = deps.now().toISOString();
  const signedOff = await deps.stores.devices.signOff(input.deviceId, at);
  await releasePool(input.deviceId, 'released', deps);
  return deviceView(signedOff);
}
