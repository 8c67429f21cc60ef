import { describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../shared/domain/device.js';
import type { Lease } from '../../shared/domain/lease.js';
import { summarisePool } from '../../shared/domain/pool-summary.js';
import { lastContactAt, silentDeviceIds, silentFrom } from '../../shared/domain/silent-phone.js';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';

const now = new Date('2026-12-03T10:00:00.000Z');
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString();

const device = (id: string, over: Partial<DeviceRecord> = {}): DeviceRecord => ({
  id,
  label: `Phone ${id}`,
  pickupPointId: 'pp-gate',
  shelterId: 'shelter-a',
  keyId: `key-${id}`,
  orgId: 'org-a',
  status: 'active',
  createdAt: ago(600),
  sealedSecret: 'sealed',
  ...over,
});

describe('a silent phone', () => {
  it('was last in touch at its latest pack, sync or registration', () => {
    expect(lastContactAt(device('a'))).toBe(ago(600));
    expect(lastContactAt(device('a', { lastSeenAt: ago(90), lastSyncAt: ago(30) }))).toBe(ago(30));
    expect(lastContactAt(device('a', { lastSeenAt: ago(5), lastSyncAt: ago(30) }))).toBe(ago(5));
    expect(silentFrom(device('a', { lastSeenAt: ago(30) }), 120)).toBe(
      new Date(now.getTime() + 90 * MINUTE).toISOString(),
    );
  });

  it('is an active phone other than the one asking, silent for longer than the setting', () => {
    const devices = [
      device('asking', { lastSeenAt: ago(500) }),
      device('exactly', { lastSeenAt: ago(120) }),
      device('past', { lastSeenAt: ago(121) }),
      device('synced', { lastSeenAt: ago(300), lastSyncAt: ago(10) }),
      device('never-packed', { createdAt: ago(200) }),
      device('signed-off', { status: 'signed-off', lastSeenAt: ago(500) }),
      device('revoked', { status: 'revoked', lastSeenAt: ago(500) }),
    ];
    expect([...silentDeviceIds(devices, now, 120, 'asking')].sort()).toEqual(['never-packed', 'past']);
  });
});

describe('the pool summary a pack carries', () => {
  const voucher = (id: string, validUntil = '2026-12-10T00:00:00.000Z') =>
    ({ id, validUntil, status: 'issued' }) as IssuedVoucher;
  const lease = (voucherId: string, deviceId: string, leaseUntil = '2026-12-03T20:00:00.000Z'): Lease => ({
    voucherId,
    shelterId: 'shelter-a',
    deviceId,
    keyId: `key-${deviceId}`,
    leasedAt: ago(60),
    leaseUntil,
  });

  it('counts what this phone holds, what each other phone holds, and what no phone holds', () => {
    const issued = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((id) => voucher(id));
    const summary = summarisePool({
      deviceId: 'me',
      now,
      silentPhoneMinutes: 120,
      issued: [...issued, voucher('old', ago(1))],
      heldHere: new Set(['v1']),
      leases: new Map([
        ['v1', lease('v1', 'me')],
        ['v2', lease('v2', 'desk-2')],
        ['v3', lease('v3', 'desk-3')],
        ['v4', lease('v4', 'desk-3')],
        // Lapsed: the voucher is in the pool again.
        ['v5', lease('v5', 'desk-2', ago(1))],
      ]),
      devices: new Map([
        ['desk-2', device('desk-2', { lastSeenAt: ago(10) })],
        ['desk-3', device('desk-3', { lastSeenAt: ago(100), pickupPointId: 'pp-back' })],
      ]),
      pickupPointNames: new Map([['pp-gate', 'Main gate']]),
    });
    expect(summary).toEqual({
      heldHere: 1,
      heldByOtherPhones: 3,
      inPool: 2,
      silentPhoneMinutes: 120,
      otherPhones: [
        {
          deviceId: 'desk-3',
          label: 'Phone desk-3',
          pickupPointId: 'pp-back',
          pickupPointName: 'pp-back',
          held: 2,
          lastContactAt: ago(100),
          silentFrom: new Date(now.getTime() + 20 * MINUTE).toISOString(),
        },
        {
          deviceId: 'desk-2',
          label: 'Phone desk-2',
          pickupPointId: 'pp-gate',
          pickupPointName: 'Main gate',
          held: 1,
          lastContactAt: ago(10),
          silentFrom: new Date(now.getTime() + 110 * MINUTE).toISOString(),
        },
      ],
    });
  });
});
