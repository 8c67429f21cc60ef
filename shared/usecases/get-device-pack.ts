import type { Principal } from '../domain/api-key.js';
import type { DevicePack, PackVoucher } from '../domain/device-pack.js';
import { CURSOR_SAFETY_MS, cursorAt, type Lease, type PoolEntry } from '../domain/lease.js';
import { planPool } from '../domain/pool-plan.js';
import { runBounded } from '../domain/run-bounded.js';
import { DEFAULT_OFFLINE_MODE, DEFAULT_OFFLINE_WINDOW_HOURS } from '../domain/shelter.js';
import { formatShortCode } from '../domain/short-code.js';
import type { IssuedVoucher } from '../domain/voucher.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { loadOwnDevice } from './device-access.js';
import type { VoucherSecrets } from './voucher-context.js';

/** Shelters carry no time zone yet: every shelter served today is in Cambodia. */
export const DEFAULT_TIME_ZONE = 'Asia/Phnom_Penh';
/** A cursor older than this (tombstones live a week) gets a full pack instead of a delta. */
const MAX_DELTA_AGE_MS = 6 * 24 * 3_600_000;
/** Lease writes in flight at once during a refresh. */
const LEASE_WRITES_IN_FLIGHT = 16;

export type PackDeps = {
  stores: Pick<Stores, 'devices' | 'shelters' | 'items' | 'vouchers' | 'leases'>;
  secrets: Pick<VoucherSecrets, 'keyRing'>;
  now: () => Date;
};

/**
 * A device's offline pack, and the moment its pool is (re)assigned: see domain/pool-plan.ts for
 * the rules. Each record is built field by field from an allow-list: no beneficiary field can
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
  const [shelter, point, items, devices, issued, leases, pool] = await Promise.all([
    deps.stores.shelters.get(device.shelterId),
    deps.stores.shelters.getPickupPoint(device.pickupPointId),
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
  const issuedIds = new Set(issued.map((voucher) => voucher.id));
  const poolMap = new Map(pool.map((entry) => [entry.voucherId, entry]));
  const goneIds = [
    ...pool.filter((entry) => entry.state === 'held').map((entry) => entry.voucherId),
    ...leases.filter((lease) => lease.deviceId === device.id).map((lease) => lease.voucherId),
  ].filter((id) => !issuedIds.has(id));
  const gone = await deps.stores.vouchers.getMany([...new Set(goneIds)]);
  const activeDeviceIds = devices
    .filter((other) => other.status === 'active' || other.id === device.id)
    .map((other) => other.id);

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
    leases: new Map(leases.map((lease) => [lease.voucherId, lease])),
    pool: poolMap,
    gone,
  });

  // Leases first: a voucher is in the pool only once its lease is ours.
  const lost = new Set<string>();
  await runBounded(plan.acquire, LEASE_WRITES_IN_FLIGHT, async (lease: Lease) => {
    if (!(await deps.stores.leases.acquire(lease, now))) lost.add(lease.voucherId);
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
  const poolSize = [...poolMap.values()].filter((entry) => entry.state === 'held').length;
  await deps.stores.devices.touch(device.id, { lastSeenAt: now.toISOString(), poolSize });

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
