import { z } from 'zod';
import { leaseEndedAt } from '../rules/voucher-rules.js';
import { packRemovalReasonSchema } from './device-pack.js';

/**
 * A voucher's lease: which device may hand it over offline, until when. At most one per voucher
 * (store/keys.ts says how). `keyId` is the holder's volunteer key, so an online redemption by
 * that same key is let through while the lease holds.
 */
export const leaseSchema = z.object({
  voucherId: z.string(),
  shelterId: z.string(),
  deviceId: z.string(),
  keyId: z.string(),
  leasedAt: z.string(),
  leaseUntil: z.string(),
  handBackRequestedAt: z.string().optional(),
  /**
   * The device gave the voucher back (hand-back): the lease ended then, and the record stays so
   * that the same device does not take the voucher again at its next refresh; the voucher waits
   * for the desk that asked for it, online.
   */
  handedBackAt: z.string().optional(),
});
export type Lease = z.infer<typeof leaseSchema>;

/** What a device was told about one voucher, stamped with the cursor of the change. */
export const poolEntrySchema = z.object({
  voucherId: z.string(),
  state: z.enum(['held', 'ended']),
  leaseUntil: z.string(),
  reason: packRemovalReasonSchema.optional(),
  changed: z.string(),
});
export type PoolEntry = z.infer<typeof poolEntrySchema>;

/** Who holds a voucher offline, as the lease and the voucher record's copy of it both say. */
export type VoucherHold = Pick<Lease, 'voucherId' | 'deviceId' | 'keyId' | 'leaseUntil'>;

/** The hold an issued voucher's record carries, or undefined when no device holds it. */
export function holdOf(voucher: {
  id: string;
  status: string;
  leaseDeviceId?: string | undefined;
  leaseKeyId?: string | undefined;
  leaseUntil?: string | undefined;
}): VoucherHold | undefined {
  if (voucher.status !== 'issued') return undefined;
  const { leaseDeviceId, leaseKeyId, leaseUntil } = voucher;
  if (leaseDeviceId === undefined || leaseKeyId === undefined || leaseUntil === undefined) return undefined;
  return { voucherId: voucher.id, deviceId: leaseDeviceId, keyId: leaseKeyId, leaseUntil };
}

/** A lease that still holds at `now`. */
export function leaseHolds<T extends Pick<Lease, 'leaseUntil'>>(lease: T | undefined, now: Date): lease is T {
  return lease !== undefined && !leaseEndedAt(lease, now);
}

/** A lease ends at the voucher's validUntil or after the shelter's offline window, whichever is first. */
export function leaseEnd(validUntil: string, leasedAt: Date, windowHours: number): string {
  const windowEnd = leasedAt.getTime() + windowHours * 3_600_000;
  return new Date(Math.min(Date.parse(validUntil), windowEnd)).toISOString();
}

/**
 * Pack cursors are server milliseconds (13 digits), taken a few seconds before the pool was read:
 * a change committed while the pack was being built is sent again next time, never missed.
 * Applying an upsert or a removal twice is harmless on the device.
 */
export const CURSOR_SAFETY_MS = 5_000;
export function cursorAt(ms: number): string {
  return String(Math.max(0, ms)).padStart(13, '0');
}

/** Which of the devices gets a voucher nobody holds: stable, and even across devices. */
export function assignedDevice(voucherId: string, deviceIds: readonly string[]): string | undefined {
  if (deviceIds.length === 0) return undefined;
  let hash = 2166136261;
  for (let i = 0; i < voucherId.length; i++) {
    hash ^= voucherId.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  const sorted = [...deviceIds].sort();
  return sorted[hash % sorted.length];
}
