import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { deviceIdSchema, deviceViewSchema } from '../../domain/device.js';
import {
  handBackResultSchema,
  handBackSchema,
  packQuerySchema,
  packSchema,
} from '../../domain/device-pack.js';
import { syncResponseSchema, syncSchema } from '../../domain/offline-sync.js';
import { getDevice } from '../../usecases/get-device.js';
import { getDevicePack } from '../../usecases/get-device-pack.js';
import { handBackVouchers } from '../../usecases/hand-back-vouchers.js';
import { syncDevice } from '../../usecases/sync-device.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';

/** A device's offline life (issue 11): its pack, handing vouchers back, and syncing its outbox. */

const deviceParams = z.object({ id: deviceIdSchema });

const getRoute = securedRoute(['volunteer', 'admin', 'coordinator', 'logistics'], {
  method: 'get',
  path: '/v1/devices/{id}',
  tags: ['Devices'],
  summary: 'A device (no secret): to its own volunteer key, or those who manage its shelter',
  operationId: 'getDevice',
  request: { params: deviceParams },
  responses: {
    200: { description: 'The device.', content: jsonContent(deviceViewSchema) },
    404: errorResponses[404],
  },
});

const packRoute = securedRoute(['volunteer'], {
  method: 'get',
  path: '/v1/devices/{id}/pack',
  tags: ['Devices'],
  summary: 'The offline pack: keys, catalogue, and the vouchers this device may hand over offline',
  description:
    'Also (re)assigns the shelter’s pools: under offlineMode "pools" a voucher is leased to at most one device until min(validUntil, lease + offlineWindowHours); a device silent (no pack, no sync) for longer than the shelter’s silentPhoneMinutes loses its leases at another device’s refresh, and its next pack lists them under `removed` (`lease-ended`). `pool` says how many vouchers this device holds, how many other devices hold and which. Without `since` (or with a cursor older than 6 days) the answer is full: replace the local list. With `since`, a delta: upsert `vouchers`, drop `removed`. Never holds a beneficiary field. A revoked device is 409.',
  operationId: 'getDevicePack',
  request: { params: deviceParams, query: packQuerySchema },
  responses: {
    200: { description: 'The pack.', content: jsonContent(packSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const handBackRoute = securedRoute(['volunteer'], {
  method: 'post',
  path: '/v1/devices/{id}/hand-back',
  tags: ['Devices'],
  summary: 'Give back vouchers this device holds and has not handed over',
  description: 'Safe to send again: a voucher already given back is listed under notHeld.',
  operationId: 'handBackVouchers',
  request: { params: deviceParams, body: { required: true, content: jsonContent(handBackSchema) } },
  responses: {
    200: {
      description: 'Which leases ended, and which this device did not hold.',
      content: jsonContent(handBackResultSchema),
    },
    404: errorResponses[404],
  },
});

const syncRoute = securedRoute(['volunteer'], {
  method: 'post',
  path: '/v1/devices/{id}/sync',
  tags: ['Devices'],
  summary: 'Commit offline handovers (up to 500), each at most once',
  description:
    'No Idempotency-Key: every record is idempotent by its clientRedemptionId, and a replay answers what the first sync stored. Outcomes: redeemed (a redemption dated by deviceTime), conflict (nothing left stock; a logistics lead resolves it), rejected (not signed by this device; nothing stored). The device’s own key syncs it; a revoked device’s records may also be carried by a volunteer key serving its pickup point (their HMAC proves where they come from). A device revoked with its person: records dated before the revocation are booked, later ones are conflicts; a device revoked as lost or stolen: every late record is a conflict.',
  operationId: 'syncDevice',
  request: { params: deviceParams, body: { required: true, content: jsonContent(syncSchema) } },
  responses: {
    200: {
      description: 'One result per record, and the sequence gaps.',
      content: jsonContent(syncResponseSchema),
    },
    404: errorResponses[404],
  },
});

export function registerDeviceOffline(app: OpenAPIHono<AppEnv>) {
  // A 5,000-voucher pack is ~1.5 MB of JSON and ~120 KB gzipped (bench (g)); phones on weak data
  // ask for gzip. The Lambda adapter sends a gzip body base64-encoded, as API Gateway expects.
  app.use('/v1/devices/:id/pack', compress({ encoding: 'gzip' }));

  app.openapi(getRoute, async (c) => {
    return c.json(
      await getDevice({ deviceId: c.req.valid('param').id }, c.get('principal'), c.get('deps')),
      200,
    );
  });

  app.openapi(packRoute, async (c) => {
    c.header('cache-control', 'no-store');
    const pack = await getDevicePack(
      { deviceId: c.req.valid('param').id, since: c.req.valid('query').since },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(pack, 200);
  });

  app.openapi(handBackRoute, async (c) => {
    const input = { deviceId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await handBackVouchers(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(syncRoute, async (c) => {
    const input = { deviceId: c.req.valid('param').id, ...c.req.valid('json') };
    const { response, tally } = await syncDevice(input, c.get('principal'), c.get('deps'));
    const metrics = c.get('metrics');
    metrics.count('SyncRecords', tally.records);
    metrics.count('RedemptionsSynced', tally.redeemed);
    metrics.count('SyncConflicts', tally.conflicts);
    metrics.count('SyncRejected', tally.rejected);
    return c.json(response, 200);
  });
}
