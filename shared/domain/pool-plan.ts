import type { PackRemovalReason } from './device-pack.js';
import { assignedDevice, type Lease, leaseEnd, leaseHolds, type PoolEntry } from './lease.js';
import type { OfflineMode } from './shelter.js';
import type { IssuedVoucher, Voucher } from './voucher.js';

/**
 * At most this many of silent devices' leases end in one refresh, so that a refresh stays well
 * inside the API's 30 s (each is a transaction; 16 run at once): a silent phone that held 5,000
 * vouchers is emptied over ten refreshes, five minutes at the scanner's 30 s.
 */
export const MAX_REPOOLED_PER_REFRESH = 500;

/**
 * What one device's pack refresh changes (pure, so its rules can be read and unit-tested apart
 * from the table):
 *
 * - pools: a voucher another device holds stays there, unless that device is silent (issue 21:
 *   no pack and no sync for longer than the shelter's silentPhoneMinutes): then its lease is
 *   ended (`repool`) and the voucher is free again. One this device holds is kept, renewed once
 *   less than half the window is left (so a refresh every minute does not resend the whole pool);
 *   one nobody holds goes to the device `assignedDevice` picks among the shelter's active devices
 *   that are not silent, when that is this one. A voucher with a hand-back request is not
 *   renewed, and one the device handed back is not taken again by it (it waits, online, for the
 *   desk that asked).
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
  /** Active devices of the shelter that are silent now (never this one): see silent-phone.ts. */
  silentDeviceIds: ReadonlySet<string>;
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
  /**
   * Live leases of silent devices, to end before this device takes its share of them (each end
   * may lose to the silent device coming back and renewing first: then it keeps the voucher).
   */
  repool: Lease[];
  handBackRequested: string[];
}

export function planPool(input: PoolPlanInput): PoolPlan {
  const plan: PoolPlan = { acquire: [], hold: [], end: [], forget: [], repool: [], handBackRequested: [] };
  const { now, stamp, pool } = input;
  const splitAmong = input.activeDeviceIds.filter((id) => !input.silentDeviceIds.has(id));
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
      if (leaseHolds(lease, now) && lease.deviceId === input.deviceId) {
        if (lease.handBackRequestedAt !== undefined) plan.handBackRequested.push(voucher.id);
        const renew =
          lease.handBackRequestedAt === undefined && renewDue(lease.leaseUntil, voucher.validUntil);
        const leaseUntil = renew ? leaseEnd(voucher.validUntil, now, input.windowHours) : lease.leaseUntil;
        if (renew) plan.acquire.push({ ...lease, leasedAt: now.toISOString(), leaseUntil });
        hold(voucher, leaseUntil);
        continue;
      }
      if (leaseHolds(lease, now)) {
        // Another device's: it stays there, unless that device is silent; then it is split
        // again, a bounded number per refresh (the rest at the next ones).
        if (!input.silentDeviceIds.has(lease.deviceId) || plan.repool.length >= MAX_REPOOLED_PER_REFRESH)
          continue;
        plan.repool.push(lease);
      }
      // Handed back: it waits online for the desk that asked, not back into this pool.
      if (lease?.handedBackAt !== undefined && lease.deviceId === input.deviceId) continue;
      if (assignedDevice(voucher.id, splitAmong) !== input.deviceId) continue;
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
