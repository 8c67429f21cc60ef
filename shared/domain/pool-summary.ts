import type { DeviceRecord } from './device.js';
import { MAX_OTHER_PHONES, type PackOtherPhone, type PackPool } from './device-pack.js';
import { type Lease, leaseHolds } from './lease.js';
import { lastContactAt, silentFrom } from './silent-phone.js';
import type { IssuedVoucher } from './voucher.js';

/**
 * Where a shelter's vouchers are after one device's refresh (pure): how many this device holds,
 * how many other phones hold and which, and how many no phone holds. So a phone that holds none
 * while others hold the shelter's vouchers can say so, and what to do, instead of "list just now".
 */
export interface PoolSummaryInput {
  deviceId: string;
  now: Date;
  silentPhoneMinutes: number;
  issued: readonly IssuedVoucher[];
  /** The vouchers this device holds once the refresh is applied. */
  heldHere: ReadonlySet<string>;
  /** The shelter's leases as the refresh left them (ended, re-pooled ones removed; taken ones added). */
  leases: ReadonlyMap<string, Lease>;
  devices: ReadonlyMap<string, DeviceFields>;
  pickupPointNames: ReadonlyMap<string, string>;
}

export function summarisePool(input: PoolSummaryInput): PackPool {
  const { now } = input;
  let heldHere = 0;
  let inPool = 0;
  const byPhone = new Map<string, number>();
  for (const voucher of input.issued) {
    if (Date.parse(voucher.validUntil) <= now.getTime()) continue;
    if (input.heldHere.has(voucher.id)) {
      heldHere++;
      continue;
    }
    const lease = input.leases.get(voucher.id);
    if (leaseHolds(lease, now) && lease.deviceId !== input.deviceId)
      byPhone.set(lease.deviceId, (byPhone.get(lease.deviceId) ?? 0) + 1);
    else inPool++;
  }
  let heldByOtherPhones = 0;
  const otherPhones: PackOtherPhone[] = [];
  for (const [deviceId, held] of byPhone) {
    heldByOtherPhones += held;
    const device = input.devices.get(deviceId);
    // Every lease names a device of the shelter; one without a record is counted but not named.
    if (device !== undefined) otherPhones.push(otherPhone(deviceId, device, held, input));
  }
  otherPhones.sort((a, b) => b.held - a.held || a.label.localeCompare(b.label));
  return {
    heldHere,
    heldByOtherPhones,
    inPool,
    silentPhoneMinutes: input.silentPhoneMinutes,
    otherPhones: otherPhones.slice(0, MAX_OTHER_PHONES),
  };
}

type DeviceFields = Pick<DeviceRecord, 'label' | 'pickupPointId' | 'createdAt' | 'lastSeenAt' | 'lastSyncAt'>;

function otherPhone(
  deviceId: string,
  device: DeviceFields,
  held: number,
  input: PoolSummaryInput,
): PackOtherPhone {
  return {
    deviceId,
    label: device.label,
    pickupPointId: device.pickupPointId,
    pickupPointName: input.pickupPointNames.get(device.pickupPointId) ?? device.pickupPointId,
    held,
    lastContactAt: lastContactAt(device),
    silentFrom: silentFrom(device, input.silentPhoneMinutes),
  };
}
