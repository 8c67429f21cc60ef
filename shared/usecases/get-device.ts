import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadManagedDevice, loadOwnDevice } from './device-access.js';

/** A device, to its own volunteer key or to those who manage its shelter. */
export async function getDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices'> },
): Promise<DeviceView> {
  const device =
    actor.role === 'volunteer'
      ? await loadOwnDevice(input.deviceId, actor, deps)
      : await loadManagedDevice(input.deviceId, actor, deps);
  return deviceView(device);
}
