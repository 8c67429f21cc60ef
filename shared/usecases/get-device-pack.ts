import type { Principal } from '../domain/api-key.js';
import type { DevicePack, PackVoucher } from '../domain/device-pack.js';
import { CURSOR_SAFETY_MS, cursorAt, type Lease, type PoolEntry } from '../domain/lease.js';
import { planPool } from '../domain/pool-plan.js';
import { summarisePool } from '../domain/pool-summary.js';
import { runBounded } from '../domain/run-bounded.js';
import {
  DEFAULT_OFFLINE_MODE,
  DEFAULT_OFFLINE_WINDOW_HOURS,
  DEFAULT_SILENT_PHONE_MINUTES,
} from '../domain/shelter.js';
import { formatShortCode } from '../domain/short-code.js';
import { silentDeviceIds } from '../domain/silent-phone.js';
import type { IssuedVoucher } from '../domain/voucher.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadOwnDevice } from './device-access.js';
import type { VoucherSecrets } from './voucher-context.js';

/** Shelters carry no time zone yet: every shelter served today is in Cambodia. */
export const DEFAULT_TIME_ZONE = 'Asia/Phnom_Penh';
/** A cursor older than this (tombstones live a week) gets a full pack instead of a delta. */
const MAX_DELTA_AGE_MS = 6 * 24 * 3_600_000;
/** The pool summary names other phones' desks from the shelter's first this many pickup points. */
const PICKUP_POINTS_NAMED = 100;
/** Lease writes in flight at once during a refresh. */
const LEASE_WRITES_IN_FLIGHT = 16;

export type PackDeps = {
  stores: Pick<Stores, 'devices' | 'shelters' | 'items' | 'vouchers' | 'leases'>;
  secrets: Pick<VoucherSecrets, 'keyRing'>;
  now: () => Date;
};

/**
 * A device's offline pack, and the moment its pool is (re)assigned: see domain/pool-plan.ts for
 * the rules; a silent phone's leases end here (issue 21). Each record is built field by field from an allow-list: no beneficiary field can
 * reach a pack, whatever the stored records carry.
 */
export async function getDevicePack(
  input: { deviceId: string; since?: string | undefined },
  actor: Principal,
  deps: PackDeps,
): Promise<DevicePack> {
  const device = await loadOwnDevice(input.deviceId, actor, deps);
  if (device.status === 'revoked')
    throw new ConflictError(`Device "${device.id}" is revoked: register the phone again.`, {
      deviceStatus: 'revoked',
    });
  const now = deps.now();
  const stamp = cursorAt(now.getTime());
  const [shelter, point, points, items, devices, issued, leases, pool] = await Promise.all([
    deps.stores.shelters.get(device.shelterId),
    deps.stores.shelters.getPickupPoint(device.pickupPointId),
    // The desks' names, for the phones the pool summary names (a shelter has a handful).
    deps.stores.shelters.listPickupPoints(device.shelterId, PICKUP_POINTS_NAMED),
    deps.stores.items.all(),
    deps.stores.devices.allOfShelter(device.shelterId),
    deps.stores.vouchers.allIssuedAtShelter(device.shelterId),
    deps.stores.leases.leasesOfShelter(device.shelterId),
    deps.stores.leases.poolOf(device.id),
  ]);
  if (shelter === undefined || point === undefined)
    throw new NotFoundError('Pickup point', device.pickupPointId);
  const mode = shelter.offlineMode ?? DEFAULT_OFFLINE_MODE;
  const windowHours = shelter.offlineWindowHours ?? DEFAULT_OFFLINE_WINDOW_HOURS;
  const silentMinutes = shelter.silentPhoneMinutes ?? DEFAULT_SILENT_PHONE_MINUTES;
  const issuedIds = new Set(issued.map((voucher) => voucher.id));
  const poolMap = new Map(pool.map((entry) => [entry.voucherId, entry]));
  const leaseMap = new Map(leases.map((lease) => [lease.voucherId, lease]));
  const goneIds = [
    ...pool.filter((entry) => entry.state === 'held').map((entry) => entry.voucherId),
    ...leases.filter((lease) => lease.deviceId === device.id).map((lease) => lease.voucherId),
  ].filter((id) => !issuedIds.has(id));
  const gone = await deps.stores.vouchers.getMany([...new Set(goneIds)]);
  const activeDeviceIds = devices
    .filter((other) => other.status === 'active' || other.id === device.id)
    .map((other) => other.id);
  const silent = silentDeviceIds(devices, now, silentMinutes, device.id);

  const plan = planPool({
    deviceId: device.id,
    keyId: device.keyId,
    shelterId: device.shelterId,
    mode,
    windowHours,
    now,
    stamp,
    issued,
    activeDeviceIds,
    silentDeviceIds: silent,
    leases: leaseMap,
    pool: poolMap,
    gone,
  });

  // A silent phone's leases end first; this device's share of them passes to it in the same
  // transaction. One that does not end (the phone spoke meanwhile, or another refresh ended it
  // first) is taken below like any other: that fails while its holder still holds it.
  const cutoff = new Date(now.getTime() - silentMinutes * 60_000).toISOString();
  const taking = new Map(plan.acquire.map((lease) => [lease.voucherId, lease]));
  const takenOver = new Set<string>();
  await runBounded(plan.repool, LEASE_WRITES_IN_FLIGHT, async (lease: Lease) => {
    const successor = taking.get(lease.voucherId);
    if (!(await deps.stores.leases.endSilentLease(lease, { cutoff, cursor: stamp, successor }))) return;
    if (successor === undefined) leaseMap.delete(lease.voucherId);
    else {
      takenOver.add(lease.voucherId);
      leaseMap.set(lease.voucherId, successor);
    }
  });
  // Leases first: a voucher is in the pool only once its lease is ours.
  const lost = new Set<string>();
  const toAcquire = plan.acquire.filter((lease) => !takenOver.has(lease.voucherId));
  await runBounded(toAcquire, LEASE_WRITES_IN_FLIGHT, async (lease: Lease) => {
    if (await deps.stores.leases.acquire(lease, now)) leaseMap.set(lease.voucherId, lease);
    else lost.add(lease.voucherId);
  });
  const hold = plan.hold.filter((entry) => !lost.has(entry.voucherId));
  const lostHeld: PoolEntry[] = [...lost]
    .filter((id) => poolMap.get(id)?.state === 'held')
    .map((id) => ({
      voucherId: id,
      state: 'ended',
      reason: 'moved',
      leaseUntil: now.toISOString(),
      changed: stamp,
    }));
  const written = [...hold, ...plan.end, ...lostHeld];
  await deps.stores.leases.writeEntries(device.id, written);
  await runBounded(plan.forget, LEASE_WRITES_IN_FLIGHT, (id) => deps.stores.leases.forget(id, device.id));
  for (const id of plan.forget) leaseMap.delete(id);
  for (const entry of written) poolMap.set(entry.voucherId, entry);

  const since = input.since === undefined ? undefined : Number(input.since);
  const full = since === undefined || since < now.getTime() - MAX_DELTA_AGE_MS || since > now.getTime();
  const byId = new Map(issued.map((voucher) => [voucher.id, voucher]));
  const entries = [...poolMap.values()].filter((entry) => full || Number(entry.changed) > (since ?? 0));
  const vouchers: PackVoucher[] = [];
  const removed: DevicePack['removed'] = [];
  for (const entry of entries) {
    const voucher = byId.get(entry.voucherId);
    if (entry.state === 'held' && voucher !== undefined)
      vouchers.push(packVoucher(voucher, entry.leaseUntil));
    else if (!full && entry.state === 'ended')
      removed.push({ id: entry.voucherId, reason: entry.reason ?? 'lease-ended' });
  }
  const heldHere = new Set(
    [...poolMap.values()].filter((entry) => entry.state === 'held').map((entry) => entry.voucherId),
  );
  await deps.stores.devices.touch(device.id, { lastSeenAt: now.toISOString(), poolSize: heldHere.size });
  const summary = summarisePool({
    deviceId: device.id,
    now,
    silentPhoneMinutes: silentMinutes,
    issued,
    heldHere,
    leases: leaseMap,
    devices: new Map(devices.map((other) => [other.id, other])),
    pickupPointNames: new Map(points.items.map((other) => [other.id, other.name])),
  });

  return {
    deviceId: device.id,
    cursor: cursorAt(now.getTime() - CURSOR_SAFETY_MS),
    full,
    generatedAt: now.toISOString(),
    offlineMode: mode,
    offlineWindowHours: windowHours,
    shelter: { id: shelter.id, name: shelter.name, timeZone: DEFAULT_TIME_ZONE },
    pickupPoint: { id: point.id, name: point.name },
    keys: deps.secrets.keyRing.jwks().map((jwk) => ({ kid: jwk.kid, kty: jwk.kty, crv: jwk.crv, x: jwk.x })),
    catalogue: items.map((item) => ({
      itemId: item.id,
      name: item.name,
      ...(item.nameKm === undefined ? {} : { nameKm: item.nameKm }),
      unit: item.unit,
    })),
    vouchers,
    removed,
    handBackRequested: plan.handBackRequested.filter((id) => !lost.has(id)),
    pool: summary,
  };
}

/** The allow-list of a voucher's fields a device may carry. */
function packVoucher(voucher: IssuedVoucher, leaseUntil: string): PackVoucher {
  return {
    id: voucher.id,
    shortCode: formatShortCode(voucher.code),
    lines: voucher.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })),
    validFrom: voucher.validFrom,
    validUntil: voucher.validUntil,
    status: 'issued',
    leaseUntil,
  };
}
