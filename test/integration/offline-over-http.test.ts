import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicePack } from '../../shared/domain/device-pack.js';
import { httpClient, serveOverHttp } from '../support/http-server.js';
import { offlineRecord, type TestDevice } from '../support/offline-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/** The phone's round trip over real HTTP: a gzipped pack, a sync, a refusal naming the holder. */
describe('offline scanning over HTTP', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let server: Awaited<ReturnType<typeof serveOverHttp>>;
  let http: ReturnType<typeof httpClient>;
  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
    server = await serveOverHttp(t.deps);
    http = httpClient(server.baseUrl);
  });
  afterAll(() => server.close());

  it('downloads a gzipped pack, syncs its handovers once, and refuses a held voucher at another desk', async () => {
    const vouchers = await Promise.all([1, 2, 3].map(() => issue(t, world.coordinatorA)));
    const made = await http('POST', '/v1/devices', world.volunteer, {
      pickupPointId: 'pp-a1',
      label: 'Gate phone',
    });
    expect(made.status).toBe(201);
    const device: TestDevice = {
      id: String(made.body.id),
      secret: String(made.body.secret),
      key: world.volunteer,
      pickupPointId: 'pp-a1',
      next: 1,
    };
    const packed = await http('GET', `/v1/devices/${device.id}/pack`, device.key, undefined, {
      'accept-encoding': 'gzip',
    });
    expect(packed.status).toBe(200);
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    const pack = packed.body as unknown as DevicePack;
    expect(pack.vouchers.map((v) => v.id).sort()).toEqual(vouchers.map((v) => v.id).sort());

    const otherDesk = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a'],
      pickupPointIds: ['pp-a1'],
    });
    const held = vouchers[2] ?? vouchers[0];
    const refused = await http('POST', '/v1/redemptions', otherDesk, {
      code: held?.code,
      pickupPointId: 'pp-a1',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.holder).toMatchObject({
      deviceId: device.id,
      label: 'Gate phone',
      pickupPointName: 'Gate',
    });

    const records = pack.vouchers.slice(0, 2).map((v) => offlineRecord(device, v));
    const synced = await http('POST', `/v1/devices/${device.id}/sync`, device.key, { records });
    expect(synced.status).toBe(200);
    expect((synced.body.results as Array<{ outcome: string }>).map((r) => r.outcome)).toEqual([
      'redeemed',
      'redeemed',
    ]);
    const again = await http('POST', `/v1/devices/${device.id}/sync`, device.key, { records });
    expect(again.body.results).toEqual(synced.body.results);
    const shown = await http('GET', `/v1/devices/${device.id}`, world.logistics);
    expect(shown.body).toMatchObject({ id: device.id, status: 'active', poolSize: 3 });
    expect(shown.text).not.toContain(device.secret);
  });
});
