import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { DeviceRecord } from '../domain/device.js';
import { ForbiddenError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

type Deps = { stores: Pick<Stores, 'devices'> };

/** The device as its own volunteer key acts on it; any other key is told it does not exist. */
export async function loadOwnDevice(deviceId: string, actor: Principal, deps: Deps): Promise<DeviceRecord> {
  const device = await deps.stores.devices.get(deviceId);
  if (device === undefined || device.keyId !== actor.keyId) throw new NotFoundError('Device', deviceId);
  return device;
}

/**
 * The device whose offline records this key may carry to the server: its own; or, once revoked,
 * a device at a pickup point the key serves. A colleague syncs the phone of someone who left
 * (their person revoked, so their key no longer works): each record's HMAC under the device's
 * secret proves it came from that phone, whoever carries it. An active device's records go with
 * its own key only.
 */
export async function loadDeviceToSync(
  deviceId: string,
  actor: Principal,
  deps: Deps,
): Promise<DeviceRecord> {
  const device = await deps.stores.devices.get(deviceId);
  if (device === undefined) throw new NotFoundError('Device', deviceId);
  if (device.keyId === actor.keyId) return device;
  const carriedByColleague =
    device.status === 'revoked' &&
    actor.role === 'volunteer' &&
    scopeAllows(actor.scope.pickupPointIds, device.pickupPointId);
  if (!carriedByColleague) throw new NotFoundError('Device', deviceId);
  return device;
}

/** The device as a manager (admin, or a coordinator or logistics lead of its shelter) sees it. */
export async function loadManagedDevice(
  deviceId: string,
  actor: Principal,
  deps: Deps,
): Promise<DeviceRecord> {
  const device = await deps.stores.devices.get(deviceId);
  if (device === undefined || !managesShelter(actor, device.shelterId))
    throw new NotFoundError('Device', deviceId);
  return device;
}

export function managesShelter(actor: Principal, shelterId: string): boolean {
  return actor.role === 'admin' || scopeAllows(actor.scope.shelterIds, shelterId);
}

/**
 * A coordinator ends only its own organisation's phones (revokes one, or hands its vouchers back):
 * a partner's coordinator at a shared shelter sees the phone in the shelter's list, but the
 * partner's day depends on it. Admins and logistics leads of the shelter are not refused here.
 */
export function refuseAnotherOrganisationsCoordinator(
  device: DeviceRecord,
  actor: Principal,
  action: 'revokes' | 'hands back the vouchers of',
): void {
  if (actor.role !== 'coordinator' || device.orgId === actor.orgId) return;
  const verb = action === 'revokes' ? 'revoke it' : 'hand its vouchers back';
  throw new ForbiddenError(
    `Device "${device.id}" is a phone of ${device.orgId}'s volunteers: a coordinator ${action} its own organisation's devices only. Ask an admin, or a logistics lead of shelter "${device.shelterId}", to ${verb}.`,
  );
}
