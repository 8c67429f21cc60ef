import { beforeEach, describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../shared/domain/device.js';
import {
  offlineRecord,
  registerDevice,
  sync,
  type TestDevice,
  takePack,
} from '../support/offline-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/** The server's clock, moved by the tests. */
let clock = Date.now();
const SECOND = 1000;

/**
 * Issue 25 §3: a synced record must cost no more than an online redemption. Its transaction is
 * the same size; what each sync call added was one write of the device's last sync time (2 WCU:
 * the device and its entry in the shelter's device list). The time is kept to the minute: a
 * phone syncing its handovers one by one as it makes them writes it once a minute at most.
 */
describe('the device’s last sync time', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let phone: TestDevice;
  const writesToDevices: string[] = [];

  beforeEach(async () => {
    clock = Date.now();
    t = await createTestApp({ deps: { now: () => new Date(clock) } });
    world = await buildVoucherWorld(t);
    const key = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a'],
      pickupPointIds: ['pp-a1'],
    });
    phone = await registerDevice(t, key, 'pp-a1', 'Gate phone');
    writesToDevices.length = 0;
    t.table.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const { Key } = args.input as { Key?: unknown };
        if (
          /Update|Put/.test(context.commandName ?? '') &&
          JSON.stringify(Key ?? {}).includes(`DEVICE#${phone.id}`)
        )
          writesToDevices.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'countDeviceWrites' },
    );
  });

  const device = async () =>
    (await t.deps.stores.devices.get(phone.id, { consistent: true })) as DeviceRecord;

  async function handOverAndSync(): Promise<void> {
    const voucher = await issue(t, world.coordinatorA);
    await takePack(t, phone);
    writesToDevices.length = 0;
    // Handed over now by the server's clock, which the tests move.
    const record = offlineRecord(phone, voucher, { deviceTime: new Date(clock).toISOString() });
    const answer = await sync(t, phone, [record]);
    expect(answer.body.results.map((r) => r.outcome)).toEqual(['redeemed']);
  }

  it('is written by a phone’s first sync', async () => {
    await handOverAndSync();
    expect((await device()).lastSyncAt).toBe(new Date(clock).toISOString());
    expect(writesToDevices).toEqual(['UpdateItemCommand']);
  });

  it('is not written again by a sync within a minute of it, and is by the first one after', async () => {
    const first = new Date(clock).toISOString();
    await handOverAndSync();

    clock += 59 * SECOND;
    await handOverAndSync();
    expect((await device()).lastSyncAt).toBe(first);
    expect(writesToDevices).toEqual([]);

    clock += 2 * SECOND;
    await handOverAndSync();
    expect((await device()).lastSyncAt).toBe(new Date(clock).toISOString());
    expect(writesToDevices).toEqual(['UpdateItemCommand']);
  });
});
