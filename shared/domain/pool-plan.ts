import type { PackRemovalReason } from './device-pack.js';
import { assignedDevice, type Lease, leaseEnd, leaseHolds, type PoolEntry } from './lease.js';
import type { OfflineMode } from './shelter.js';
import type { IssuedVoucher, Voucher } from './voucher.js';

/**
 * What one device's pack refresh changes (pure, so its rules can be read and unit-tested apart
 * from the table):
 *
 * - pools: a voucher another device holds stays there; one this device holds is kept, renewed
 *   once less than half the window is left (so a refresh every minute does not resend the whole
 *   pool); one nobody holds goes to the device `assignedDevice` picks among the shelter's active
 *   devices, when that is this one. A voucher with a hand-back request is not renewed, and one
 *   the device handed back is not taken again by it (it waits, online, for the desk that asked).
 * - detect: every issued voucher, no lease record (nothing exclusive).
 * - online: nothing; whatever the device held ends (`lease-ended`).
 *
 * Whatever the device was told it holds and no longer does ends with the reason.
 */
export interface PoolPlanInput {
  deviceId: string;
  keyId: string;
  shelterId: string;
  mode: OfflineMode;
  windowHours: number;
  now: Date;
  /** The change stamp of this refresh (see cursorAt). */
  stamp: string;
  issued: readonly IssuedVoucher[];
  /** The shelter's active devices, this one included. */
  activeDeviceIds: readonly string[];
  leases: ReadonlyMap<string, Lease>;
  pool: ReadonlyMap<string, PoolEntry>;
  /** Vouchers the pool holds that are no longer issued, as they are now. */
  gone: ReadonlyMap<string, Voucher>;
}

export interface PoolPlan {
  /** Leases to take or renew; each write may lose to another device (then it is not held). */
  acquire: Lease[];
  /** Pool entries to write once the leases are taken: held ones name their lease. */
  hold: PoolEntry[];
  end: PoolEntry[];
  /** Lease records of this device whose voucher left `issued`, or that mode `online` ends. */
  forget: string[];
  handBackRequested: string[];
}

export function planPool(input: PoolPlanInput): PoolPlan {
  const plan: PoolPlan = { acquire: [], hold: [], end: [], forget: [], handBackRequested: [] };
  const { now, stamp, pool } = input;
  const wanted = new Set<string>();
  const halfWindowMs = (input.windowHours * 3_600_000) / 2;
  const renewDue = (leaseUntil: string, validUntil: string) =>
    Date.parse(leaseUntil) - now.getTime() < halfWindowMs &&
    leaseEnd(validUntil, now, input.windowHours) > leaseUntil;

  const hold = (voucher: IssuedVoucher, leaseUntil: string) => {
    wanted.add(voucher.id);
    const entry = pool.get(voucher.id);
    if (entry?.state === 'held' && entry.leaseUntil === leaseUntil) return;
    plan.hold.push({ voucherId: voucher.id, state: 'held', leaseUntil, changed: stamp });
  };

  if (input.mode !== 'online') {
    for (const voucher of input.issued) {
      if (Date.parse(voucher.validUntil) <= now.getTime()) continue;
      if (input.mode === 'detect') {
        const entry = pool.get(voucher.id);
        const current = entry?.state === 'held' ? entry.leaseUntil : undefined;
        hold(
          voucher,
          current !== undefined && !renewDue(current, voucher.validUntil)
            ? current
            : leaseEnd(voucher.validUntil, now, input.windowHours),
        );
        continue;
      }
      const lease = input.leases.get(voucher.id);
      if (leaseHolds(lease, now)) {
        if (lease.deviceId !== input.deviceId) continue;
        if (lease.handBackRequestedAt !== undefined) plan.handBackRequested.push(voucher.id);
        const renew =
          lease.handBackRequestedAt === undefined && renewDue(lease.leaseUntil, voucher.validUntil);
        const leaseUntil = renew ? leaseEnd(voucher.validUntil, now, input.windowHours) : lease.leaseUntil;
        if (renew) plan.acquire.push({ ...lease, leasedAt: now.toISOString(), leaseUntil });
        hold(voucher, leaseUntil);
        continue;
      }
      // Handed back: it waits online for the desk that asked, not back into this pool.
      const record = input.leases.get(voucher.id);
      if (record?.handedBackAt !== undefined && record.deviceId === input.deviceId) continue;
      if (assignedDevice(voucher.id, input.activeDeviceIds) !== input.deviceId) continue;
      const leaseUntil = leaseEnd(voucher.validUntil, now, input.windowHours);
      plan.acquire.push({
        voucherId: voucher.id,
        shelterId: input.shelterId,
        deviceId: input.deviceId,
        keyId: input.keyId,
        leasedAt: now.toISOString(),
        leaseUntil,
      });
      hold(voucher, leaseUntil);
    }
  }

  for (const entry of pool.values()) {
    if (entry.state !== 'held' || wanted.has(entry.voucherId)) continue;
    plan.end.push({
      ...entry,
      state: 'ended',
      reason: removalReason(entry.voucherId, input),
      changed: stamp,
    });
  }
  for (const lease of input.leases.values()) {
    if (lease.deviceId !== input.deviceId) continue;
    if (input.mode === 'online' || input.gone.has(lease.voucherId)) plan.forget.push(lease.voucherId);
  }
  return plan;
}

function removalReason(voucherId: string, input: PoolPlanInput): PackRemovalReason {
  const gone = input.gone.get(voucherId);
  if (gone?.status === 'redeemed') return 'redeemed';
  if (gone?.status === 'void') return 'voided';
  if (gone?.status === 'expired') return 'expired';
  const issued = input.issued.find((voucher) => voucher.id === voucherId);
  if (issued === undefined || Date.parse(issued.validUntil) <= input.now.getTime()) return 'expired';
  if (input.mode === 'online') return 'lease-ended';
  const lease = input.leases.get(voucherId);
  if (leaseHolds(lease, input.now) && lease.deviceId !== input.deviceId) return 'moved';
  return 'lease-ended';
}
