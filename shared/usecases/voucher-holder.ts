import type { VoucherHold } from '../domain/lease.js';
import { VoucherHeldByDeviceError } from '../errors/device-errors.js';
import type { Stores } from '../store/stores.js';

/**
 * The refusal for a voucher another device holds: it names the device (label, pickup point) and
 * records a hand-back request the holder sees in its next pack.
 */
export async function heldByDevice(
  lease: Pick<VoucherHold, 'voucherId' | 'deviceId'>,
  at: string,
  deps: { stores: Pick<Stores, 'leases' | 'devices' | 'shelters'> },
): Promise<VoucherHeldByDeviceError> {
  const [device] = await Promise.all([
    deps.stores.devices.get(lease.deviceId),
    deps.stores.leases.requestHandBack(lease.voucherId, lease.deviceId, at),
  ]);
  const pickupPointId = device?.pickupPointId ?? '';
  const point = device === undefined ? undefined : await deps.stores.shelters.getPickupPoint(pickupPointId);
  return new VoucherHeldByDeviceError({
    deviceId: lease.deviceId,
    label: device?.label ?? lease.deviceId,
    pickupPointId,
    pickupPointName: point?.name ?? pickupPointId,
  });
}
