import { ulid } from 'ulid';
import { newDeviceSecret, sealNewDeviceSecret } from '../auth/device-secret.js';
import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import {
  type DeviceRecord,
  deviceView,
  type RegisterDeviceInput,
  type RegisteredDevice,
} from '../domain/device.js';
import type { Idempotent } from '../domain/idempotency.js';
import { ForbiddenError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { sealedReply } from './sealed-reply.js';
import { loadVolunteerPickupPoint } from './volunteer-scope.js';

export interface DeviceDeps {
  stores: Pick<Stores, 'devices' | 'shelters'>;
  sealer: SecretSealer;
  now: () => Date;
}

/**
 * Registers a volunteer's phone at a pickup point of the key's scope. The secret is drawn here,
 * sealed for storage and returned once; nobody can read it back afterwards. Under an
 * Idempotency-Key a retry after a lost answer gets this answer again (kept sealed with the
 * registration, in its transaction), not a second device.
 */
export async function registerDevice(
  input: RegisterDeviceInput & Idempotent,
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
    sealedSecret: await sealNewDeviceSecret(secret, id, deps.sealer),
  };
  const registered = { ...deviceView(device), secret };
  await deps.stores.devices.create(device, await sealedReply(deps.sealer, input.idempotency, registered));
  return registered;
}
