import { describe, expect, it } from 'vitest';
import { assignedDevice, type Lease, leaseEnd } from '../../shared/domain/lease.js';
import { MAX_REPOOLED_PER_REFRESH, type PoolPlanInput, planPool } from '../../shared/domain/pool-plan.js';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';

const now = new Date('2026-12-03T08:00:00.000Z');
const HOUR = 3_600_000;

const voucher = (id: string, validUntil = '2026-12-10T00:00:00.000Z'): IssuedVoucher => ({
  id,
  code: 'ABCDEFGHJ',
  orgId: 'org-a',
  shelterId: 'shelter-a',
  lines: [{ itemId: 'rice', quantity: 5 }],
  validFrom: '2026-12-01T00:00:00.000Z',
  validUntil,
  issuedAt: '2026-12-01T00:00:00.000Z',
  issuedBy: 'k',
  status: 'issued',
});

const lease = (
  voucherId: string,
  deviceId: string,
  leaseUntil: string,
  extra: Partial<Lease> = {},
): Lease => ({
  voucherId,
  shelterId: 'shelter-a',
  deviceId,
  keyId: `key-${deviceId}`,
  leasedAt: now.toISOString(),
  leaseUntil,
  ...extra,
});

const input = (over: Partial<PoolPlanInput>): PoolPlanInput => ({
  deviceId: 'dev-a',
  keyId: 'key-dev-a',
  shelterId: 'shelter-a',
  mode: 'pools',
  windowHours: 12,
  now,
  stamp: String(now.getTime()),
  issued: [],
  activeDeviceIds: ['dev-a'],
  silentDeviceIds: new Set(),
  leases: new Map(),
  pool: new Map(),
  gone: new Map(),
  ...over,
});

describe('lease end', () => {
  it('is the voucher’s end of validity or the end of the window, whichever is first', () => {
    expect(leaseEnd('2026-12-10T00:00:00.000Z', now, 12)).toBe('2026-12-03T20:00:00.000Z');
    expect(leaseEnd('2026-12-03T09:00:00.000Z', now, 12)).toBe('2026-12-03T09:00:00.000Z');
  });
});

describe('the pool a refresh plans', () => {
  it('takes what nobody holds and its hash names this device, and leaves another device’s lease alone', () => {
    const vouchers = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((id) => voucher(id));
    const devices = ['dev-a', 'dev-b'];
    const held = lease('v1', 'dev-b', new Date(now.getTime() + HOUR).toISOString());
    const plan = planPool(
      input({ issued: vouchers, activeDeviceIds: devices, leases: new Map([['v1', held]]) }),
    );
    const mine = vouchers
      .filter((v) => v.id !== 'v1' && assignedDevice(v.id, devices) === 'dev-a')
      .map((v) => v.id);
    expect(plan.acquire.map((l) => l.voucherId).sort()).toEqual(mine.sort());
    expect(plan.hold.map((e) => e.voucherId).sort()).toEqual(mine.sort());
    expect(plan.acquire.every((l) => l.leaseUntil === '2026-12-03T20:00:00.000Z')).toBe(true);
  });

  it('renews a lease only once less than half the window is left, and not one asked back', () => {
    const soon = lease('v1', 'dev-a', new Date(now.getTime() + HOUR).toISOString());
    const later = lease('v2', 'dev-a', new Date(now.getTime() + 10 * HOUR).toISOString());
    const asked = lease('v3', 'dev-a', new Date(now.getTime() + HOUR).toISOString(), {
      handBackRequestedAt: now.toISOString(),
    });
    const plan = planPool(
      input({
        issued: [voucher('v1'), voucher('v2'), voucher('v3')],
        leases: new Map([
          ['v1', soon],
          ['v2', later],
          ['v3', asked],
        ]),
        pool: new Map(
          [soon, later, asked].map((l) => [
            l.voucherId,
            { voucherId: l.voucherId, state: 'held' as const, leaseUntil: l.leaseUntil, changed: '1' },
          ]),
        ),
      }),
    );
    expect(plan.acquire.map((l) => l.voucherId)).toEqual(['v1']);
    expect(plan.hold.map((e) => e.voucherId)).toEqual(['v1']);
    expect(plan.handBackRequested).toEqual(['v3']);
  });

  it('ends what the device no longer holds, with the reason', () => {
    const entry = (id: string) =>
      [
        id,
        { voucherId: id, state: 'held' as const, leaseUntil: '2026-12-03T09:00:00.000Z', changed: '1' },
      ] as const;
    const redeemed = {
      ...voucher('v1'),
      status: 'redeemed' as const,
      redeemedAt: 'x',
      redeemedBy: 'k',
      pickupPointId: 'pp',
    };
    const plan = planPool(
      input({
        issued: [voucher('v2'), voucher('v3')],
        activeDeviceIds: ['dev-a', 'dev-b'],
        leases: new Map([['v2', lease('v2', 'dev-b', new Date(now.getTime() + HOUR).toISOString())]]),
        pool: new Map([entry('v1'), entry('v2')]),
        gone: new Map([['v1', redeemed]]),
      }),
    );
    expect(plan.end.map((e) => [e.voucherId, e.reason])).toEqual([
      ['v1', 'redeemed'],
      ['v2', 'moved'],
    ]);
  });

  it('under detect holds every issued voucher without a lease; under online, nothing', () => {
    const vouchers = [voucher('v1'), voucher('v2')];
    const detect = planPool(input({ mode: 'detect', issued: vouchers, activeDeviceIds: ['dev-a', 'dev-b'] }));
    expect(detect.acquire).toEqual([]);
    expect(detect.hold.map((e) => e.voucherId)).toEqual(['v1', 'v2']);
    const pool = new Map(detect.hold.map((e) => [e.voucherId, e]));
    const online = planPool(input({ mode: 'online', issued: vouchers, pool }));
    expect(online.hold).toEqual([]);
    expect(online.end.map((e) => e.reason)).toEqual(['lease-ended', 'lease-ended']);
  });

  it('ends a silent device’s leases and splits its vouchers among the devices that are not silent', () => {
    const vouchers = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'].map((id) => voucher(id));
    const until = new Date(now.getTime() + 6 * HOUR).toISOString();
    // dev-s (silent) holds all eight; dev-b is another live desk; dev-a refreshes.
    const leases = new Map(vouchers.map((v) => [v.id, lease(v.id, 'dev-s', until)]));
    const plan = planPool(
      input({
        issued: vouchers,
        activeDeviceIds: ['dev-a', 'dev-b', 'dev-s'],
        silentDeviceIds: new Set(['dev-s']),
        leases,
      }),
    );
    expect(plan.repool.map((l) => l.voucherId)).toEqual(vouchers.map((v) => v.id));
    const mine = vouchers
      .filter((v) => assignedDevice(v.id, ['dev-a', 'dev-b']) === 'dev-a')
      .map((v) => v.id);
    expect(plan.acquire.map((l) => l.voucherId)).toEqual(mine);
    // The silent device is out of the split: dev-b takes the rest at its own refresh.
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(vouchers.length);
  });

  it('leaves a live device’s lease alone, and a silent device’s lease that already ended', () => {
    const live = lease('v1', 'dev-b', new Date(now.getTime() + HOUR).toISOString());
    const lapsed = lease('v2', 'dev-s', new Date(now.getTime() - HOUR).toISOString());
    const plan = planPool(
      input({
        issued: [voucher('v1'), voucher('v2')],
        activeDeviceIds: ['dev-a', 'dev-b', 'dev-s'],
        silentDeviceIds: new Set(['dev-s']),
        leases: new Map([
          ['v1', live],
          ['v2', lapsed],
        ]),
      }),
    );
    expect(plan.repool).toEqual([]);
    expect(plan.acquire.map((l) => l.voucherId)).not.toContain('v1');
    // v2 is free: it goes to whichever live device its hash names.
    expect(plan.acquire.some((l) => l.voucherId === 'v2')).toBe(
      assignedDevice('v2', ['dev-a', 'dev-b']) === 'dev-a',
    );
  });

  it('ends a bounded number of silent leases per refresh and leaves the rest to the next ones', () => {
    const vouchers = Array.from({ length: MAX_REPOOLED_PER_REFRESH + 20 }, (_, i) => voucher(`v${i}`));
    const until = new Date(now.getTime() + 6 * HOUR).toISOString();
    const plan = planPool(
      input({
        issued: vouchers,
        activeDeviceIds: ['dev-a', 'dev-s'],
        silentDeviceIds: new Set(['dev-s']),
        leases: new Map(vouchers.map((v) => [v.id, lease(v.id, 'dev-s', until)])),
      }),
    );
    expect(plan.repool).toHaveLength(MAX_REPOOLED_PER_REFRESH);
    // Only what was re-pooled is taken: the rest is still the silent device's until a later refresh.
    expect(plan.acquire.map((l) => l.voucherId)).toEqual(plan.repool.map((l) => l.voucherId));
  });
});
