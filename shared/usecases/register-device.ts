import { ulid } from 'ulid';
import { newDeviceSecret, sealDeviceSecret } from '../auth/device-secret.js';
import type { Principal } from '../domain/api-key.js';
import {
  type DeviceRecord,
  deviceView,
  type RegisterDeviceInput,
  type RegisteredDevice,
} from '../domain/device.js';
import { ForbiddenError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadVolunteerPickupPoint } from './volunteer-scope.js';

export interface DeviceDeps {
  stores: Pick<Stores, 'devices' | 'shelters'>;
  secrets: { deviceSealKey: Buffer };
  now: () => Date;
}

/**
 * Registers a volunteer's phone at a pickup point of the key's scope. The secret is drawn here,
 * sealed for storage and returned once; nobody can read it back afterwards.
 */
export async function registerDevice(
  input: RegisterDeviceInput,
  actor: Principal,
  deps: DeviceDeps,
): Promise<RegisteredDevice> {
  if (actor.role !== 'volunteer')
    throw new ForbiddenError('Devices are registered with the volunteer key the phone scans with.');
  const point = await loadVolunteerPickupPoint(input.pickupPointId, actor, deps);
  const id = `dev_${ulid()}`;
  const secret = newDeviceSecret();
  const device: DeviceRecord = {
    id,
    label: input.label,
    pickupPointId: point.id,
    shelterId: point.shelterId,
    keyId: actor.keyId,
    ...(actor.personId === undefined ? {} : { personId: actor.personId }),
    orgId: actor.orgId,
    status: 'active',
    createdAt: deps.now().toISOString(),
    sealedSecret: sealDeviceSecret(secret, id, deps.secrets.deviceSealKey),
  };
  await deps.stores.devices.create(device);
  return { ...deviceView(device), secret };
}
