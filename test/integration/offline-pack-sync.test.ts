import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, standardLines, type VoucherWorld } from '../support/voucher-fixtures.js';

/** Every key a pack record may carry: anything else (a beneficiary field above all) fails. */
const allowed = {
  pack: [
    'deviceId',
    'cursor',
    'full',
    'generatedAt',
    'offlineMode',
    'offlineWindowHours',
    'shelter',
    'pickupPoint',
    'keys',
    'catalogue',
    'vouchers',
    'removed',
    'handBackRequested',
    'pool',
  ],
  pool: ['heldHere', 'heldByOtherPhones', 'inPool', 'silentPhoneMinutes', 'otherPhones'],
  otherPhone: [
    'deviceId',
    'label',
    'pickupPointId',
    'pickupPointName',
    'held',
    'lastContactAt',
    'silentFrom',
  ],
  shelter: ['id', 'name', 'timeZone'],
  pickupPoint: ['id', 'name'],
  key: ['kid', 'kty', 'crv', 'x'],
  catalogue: ['itemId', 'name', 'nameKm', 'unit'],
  voucher: ['id', 'shortCode', 'lines', 'validFrom', 'validUntil', 'status', 'leaseUntil'],
  line: ['itemId', 'quantity'],
  removed: ['id', 'reason'],
};

function keysOutside(record: object, allowList: string[]): string[] {
  return Object.keys(record).filter((key) => !allowList.includes(key));
}

describe('offline pack and sync', () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  it('packs the issued vouchers with no field outside the allow-list, then syncs each handover once', async () => {
    const vouchers = [await issue(t, world.coordinatorA), await issue(t, world.coordinatorA)];
    const device = await registerDevice(t, world.volunteer, 'pp-a1', 'Desk 1 phone');
    const pack = await takePack(t, device);

    expect(pack.full).toBe(true);
    expect(pack.vouchers.map((v) => v.id).sort()).toEqual(vouchers.map((v) => v.id).sort());
    expect(pack.shelter).toEqual({ id: 'shelter-a', name: 'Shelter A', timeZone: 'Asia/Phnom_Penh' });
    // A second phone holds none of them: its pack names the first, from the same allow-list.
    const second = await takePack(t, await registerDevice(t, world.volunteerAB, 'pp-a1', 'Desk 2 phone'));
    expect(second.pool.otherPhones.map((p) => p.deviceId)).toEqual([device.id]);
    const outside = [
      ...keysOutside(second.pool, allowed.pool),
      ...second.pool.otherPhones.flatMap((p) => keysOutside(p, allowed.otherPhone)),
      ...keysOutside(pack, allowed.pack),
      ...keysOutside(pack.shelter, allowed.shelter),
      ...keysOutside(pack.pickupPoint, allowed.pickupPoint),
      ...pack.keys.flatMap((k) => keysOutside(k, allowed.key)),
      ...pack.catalogue.flatMap((c) => keysOutside(c, allowed.catalogue)),
      ...pack.vouchers.flatMap((v) => [
        ...keysOutside(v, allowed.voucher),
        ...v.lines.flatMap((l) => keysOutside(l, allowed.line)),
      ]),
      ...pack.removed.flatMap((r) => keysOutside(r, allowed.removed)),
      ...keysOutside(pack.pool, allowed.pool),
      ...pack.pool.otherPhones.flatMap((p) => keysOutside(p, allowed.otherPhone)),
    ];
    expect(outside).toEqual([]);
    expect(JSON.stringify(pack)).not.toContain('HH-TEST');

    const records = pack.vouchers.map((v) => offlineRecord(device, v));
    const first = await sync(t, device, records);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.outcome)).toEqual(['redeemed', 'redeemed']);
    expect(first.body.gaps).toEqual([]);
    const again = await sync(t, device, records);
    expect(again.body.results).toEqual(first.body.results);

    const stock = await call<{ items: Array<{ itemId: string; onHand: number }> }>(
      t.app,
      'GET',
      '/v1/stock?shelterId=shelter-a',
      { key: world.logistics },
    );
    expect(stock.body.items.find((b) => b.itemId === 'rice')?.onHand).toBe(
      500 - 2 * (standardLines[0]?.quantity ?? 0),
    );
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);

    const zipped = await t.app.request(`/v1/devices/${device.id}/pack`, {
      headers: { authorization: `Bearer ${world.volunteer}`, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const unzipped = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'));
    expect(unzipped.deviceId).toBe(device.id);

    const delta = await takePack(t, device, pack.cursor);
    expect(delta.full).toBe(false);
    expect(delta.removed).toEqual(
      expect.arrayContaining(vouchers.map((v) => ({ id: v.id, reason: 'redeemed' }))),
    );
  });
});
