import type { Principal } from '../domain/api-key.js';
import { type DeviceView, deviceView } from '../domain/device.js';
import type { Stores } from '../store/stores.js';
import { loadOwnDevice } from './device-access.js';

/**
 * The volunteer ends the day on this phone. Once pools exist, this hands its whole pool back.
 */
export async function signOffDevice(
  input: { deviceId: string },
  actor: Principal,
  deps: { stores: Pick<Stores, 'devices'>; now: () => Date },
): Promise<DeviceView> {
  await loadOwnDevice(input.deviceId, actor, deps);
  const at = deps.now().toISOString();
  const signedOff = await deps.stores.devices.signOff(input.deviceId, at);
  return deviceView(signedOff);
}
