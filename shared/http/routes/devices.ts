import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  deviceIdSchema,
  deviceViewSchema,
  registerDeviceSchema,
  registeredDeviceSchema,
  releasedDeviceSchema,
} from '../../domain/device.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { slugSchema } from '../../domain/slug.js';
import { listDevices } from '../../usecases/list-devices.js';
import { registerDevice } from '../../usecases/register-device.js';
import { releaseDevice } from '../../usecases/release-device.js';
import { revokeDevice } from '../../usecases/revoke-device.js';
import { signOffDevice } from '../../usecases/sign-off-device.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { readListPage } from '../list-page.js';
import {
  errorResponses,
  idempotentWriteRoute,
  inTransaction,
  jsonContent,
  securedRoute,
} from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const deviceParams = z.object({ id: deviceIdSchema });
const noBody = z.object({}).strict();

const registerRoute = idempotentWriteRoute(
  ['volunteer'],
  {
    method: 'post',
    path: '/v1/devices',
    tags: ['Devices'],
    summary: 'Register this phone at a pickup point of the key (the secret is shown once)',
    description:
      'A retry with the same Idempotency-Key answers the first registration, secret included, and registers no second device; the secret is kept encrypted and never shown again.',
    operationId: 'createDevice',
    body: registerDeviceSchema,
    success: {
      status: 201,
      description: 'Registered: keep the secret on the device.',
      schema: registeredDeviceSchema,
    },
  },
  inTransaction,
);

const listRoute = securedRoute(['admin', 'coordinator', 'logistics'], {
  method: 'get',
  path: '/v1/devices',
  tags: ['Devices'],
  summary: 'Devices of a shelter',
  operationId: 'listDevices',
  request: { query: pageQuerySchema.extend({ shelterId: slugSchema }) },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(deviceViewSchema)) },
    404: errorResponses[404],
  },
});

const revokeRoute = idempotentWriteRoute(['admin', 'coordinator', 'logistics'], {
  method: 'post',
  path: '/v1/devices/{id}/revoke',
  tags: ['Devices'],
  summary: 'Revoke a lost or stolen device, for good',
  description:
    'Its leases end at once and its late records become conflicts. An admin revokes any device; a logistics lead any device at a shelter of its scope, whichever organisation it serves; a coordinator only its own organisation’s devices (another organisation’s phone at a shared shelter: 403, ask an admin or a logistics lead of the shelter).',
  operationId: 'revokeDevice',
  params: deviceParams,
  body: noBody,
  bodyRequired: false,
  success: { status: 200, description: 'Revoked.', schema: deviceViewSchema },
});

const releaseRoute = idempotentWriteRoute(
  ['admin', 'coordinator', 'logistics'],
  {
    method: 'post',
    path: '/v1/devices/{id}/release',
    tags: ['Devices'],
    summary: 'Hand a phone’s vouchers back to the shelter’s pool, signing it off for its volunteer',
    description:
      'For a phone left silent (forgotten, its battery flat, its volunteer gone home without signing out), sooner than its shelter’s silentPhoneMinutes would: its leases end at once, so other desks can hand its vouchers over, online and, after their next refresh, offline. It is the phone’s own sign-off, done for it: its next pack, if it comes back, makes it active again. Not a revocation: what it hands over offline afterwards is booked when no other desk holds or redeemed the voucher, and becomes a conflict otherwise (a lost or stolen phone: revoke it). `released` is how many vouchers it held. Who may: as for a revocation (a coordinator only its own organisation’s phones). A revoked device is 409.',
    operationId: 'releaseDevice',
    params: deviceParams,
    body: noBody,
    bodyRequired: false,
    success: {
      status: 200,
      description: 'Signed off, its vouchers back in the pool.',
      schema: releasedDeviceSchema,
    },
  },
  { storeResponse: true },
);

const signOffRoute = idempotentWriteRoute(['volunteer'], {
  method: 'post',
  path: '/v1/devices/{id}/sign-off',
  tags: ['Devices'],
  summary: 'End the day on this device',
  operationId: 'signOffDevice',
  params: deviceParams,
  body: noBody,
  bodyRequired: false,
  success: { status: 200, description: 'Signed off.', schema: deviceViewSchema },
});

export function registerDevices(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerRoute, async (c) => {
    c.header('cache-control', 'no-store');
    const input = { ...c.req.valid('json'), idempotency: idempotencyFor(c, 201) };
    return c.json(await registerDevice(input, c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listDevices(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(revokeRoute, async (c) => {
    const deviceId = c.req.valid('param').id;
    return c.json(await revokeDevice({ deviceId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(releaseRoute, async (c) => {
    const deviceId = c.req.valid('param').id;
    return c.json(await releaseDevice({ deviceId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(signOffRoute, async (c) => {
    const deviceId = c.req.valid('param').id;
    return c.json(await signOffDevice({ deviceId }, c.get('principal'), c.get('deps')), 200);
  });
}
