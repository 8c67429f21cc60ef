import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../domain/page-query.js';
import {
  createdWebhookSchema,
  createWebhookSchema,
  deliverySchema,
  rotatedWebhookSchema,
  rotateSecretSchema,
  webhookViewSchema,
} from '../../domain/webhook.js';
import { createWebhook } from '../../usecases/create-webhook.js';
import { listWebhooks } from '../../usecases/list-webhooks.js';
import { deleteWebhook, enableWebhook, getWebhook } from '../../usecases/manage-webhook.js';
import { rotateWebhookSecret } from '../../usecases/rotate-webhook-secret.js';
import {
  deliveryQuerySchema,
  listWebhookDeliveries,
  redeliverWebhook,
} from '../../usecases/webhook-deliveries.js';
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

const managers = ['admin', 'coordinator'] as const;
const params = z.object({ id: z.string().min(1).max(64) });
const deliveryParams = params.extend({ deliveryId: z.string().min(1).max(64) });
/** These actions take nothing but their path; a body, if sent, must be empty (`{}`). */
const noBody = { required: false, content: jsonContent(z.object({}).strict().openapi('NoBody')) };

const createRouteDef = idempotentWriteRoute(
  [...managers],
  {
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'createWebhook',
    tags: ['Webhooks'],
    summary: 'Subscribe a URL to events (the signing secret is returned once)',
    description:
      'Each event is POSTed as JSON, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), at least once and in order per subscription; failures are retried with exponential backoff for 24 hours, after which the subscription is disabled with the reason. The subscription hears its organisation’s voucher and round events and the stock and transfer events of the shelters the creating key reaches (narrowed by `shelterIds`). On AWS the URL must be https and resolve to public addresses only. A retry with the same Idempotency-Key answers the first subscription, secret included; the secret is kept encrypted and never shown again.',
    body: createWebhookSchema,
    success: { status: 201, description: 'Subscribed.', schema: createdWebhookSchema },
    notFound: false,
  },
  // Where the new subscription is read back, on a replay too.
  { ...inTransaction, location: '/v1/webhooks' },
);

const rotateRouteDef = idempotentWriteRoute(
  [...managers],
  {
    method: 'post',
    path: '/v1/webhooks/{id}/rotate-secret',
    operationId: 'rotateWebhookSecret',
    tags: ['Webhooks'],
    summary: 'A new signing secret (returned once), the current one signing beside it for an overlap',
    description:
      'From now on deliveries are signed with the new secret, and, until the overlap ends (`overlapHours`, 24 by default), with the secrets it replaces as well: `webhook-signature` carries one `v1,…` signature per secret, space-separated, and a receiver accepts the delivery if any one verifies. Switch the receiver to the new secret within the overlap. `overlapHours: 0` retires every other secret at once (one leaked). At most three secrets sign at a time: a rotation that would make a fourth is refused (409). A retry with the same Idempotency-Key answers the first rotation, new secret included.',
    params,
    body: rotateSecretSchema,
    bodyRequired: false,
    success: { status: 200, description: 'Rotated.', schema: rotatedWebhookSchema },
  },
  inTransaction,
);

const listRouteDef = securedRoute([...managers], {
  method: 'get',
  path: '/v1/webhooks',
  operationId: 'listWebhooks',
  tags: ['Webhooks'],
  summary: 'The subscriptions of this organisation (every organisation’s for an admin)',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(webhookViewSchema)) } },
});

const getRouteDef = securedRoute([...managers], {
  method: 'get',
  path: '/v1/webhooks/{id}',
  operationId: 'getWebhook',
  tags: ['Webhooks'],
  summary: 'One subscription: its status, and why it failed or was disabled',
  request: { params },
  responses: {
    200: { description: 'The subscription.', content: jsonContent(webhookViewSchema) },
    404: errorResponses[404],
  },
});

const deleteRouteDef = securedRoute([...managers], {
  method: 'delete',
  path: '/v1/webhooks/{id}',
  operationId: 'deleteWebhook',
  tags: ['Webhooks'],
  summary: 'End a subscription (its queue and delivery history go with it)',
  request: { params },
  responses: { 204: { description: 'Deleted.' }, 404: errorResponses[404] },
});

const enableRouteDef = securedRoute([...managers], {
  method: 'post',
  path: '/v1/webhooks/{id}/enable',
  operationId: 'enableWebhook',
  tags: ['Webhooks'],
  summary: 'Turn a disabled subscription back on',
  description: 'Events from now on are queued; what was abandoned can be redelivered one by one.',
  request: { params, body: noBody },
  responses: {
    200: { description: 'Active again.', content: jsonContent(webhookViewSchema) },
    404: errorResponses[404],
  },
});

const deliveriesRouteDef = securedRoute([...managers], {
  method: 'get',
  path: '/v1/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['Webhooks'],
  summary: 'A subscription’s deliveries: attempts, response codes, latency, next retry',
  request: { params, query: deliveryQuerySchema },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(deliverySchema)) },
    404: errorResponses[404],
  },
});

const redeliverRouteDef = securedRoute([...managers], {
  method: 'post',
  path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
  operationId: 'redeliverWebhook',
  tags: ['Webhooks'],
  summary: 'Send one delivery again now',
  description:
    'The attempt is recorded on the delivery; the answer is the delivery afterwards (`status: delivered` if the receiver answered 2xx).',
  request: { params: deliveryParams, body: noBody },
  responses: {
    200: { description: 'Attempted.', content: jsonContent(deliverySchema) },
    404: errorResponses[404],
  },
});

export function registerWebhooks(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRouteDef, async (c) => {
    const input = { ...c.req.valid('json'), idempotency: idempotencyFor(c, 201) };
    const created = await createWebhook(input, c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(created, 201);
  });

  app.openapi(rotateRouteDef, async (c) => {
    const input = {
      ...rotateSecretSchema.parse(c.req.valid('json') ?? {}),
      webhookId: c.req.valid('param').id,
      idempotency: idempotencyFor(c, 200),
    };
    c.header('cache-control', 'no-store');
    return c.json(await rotateWebhookSecret(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(listRouteDef, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listWebhooks(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getRouteDef, async (c) => {
    const webhookId = c.req.valid('param').id;
    return c.json(await getWebhook({ webhookId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(deleteRouteDef, async (c) => {
    await deleteWebhook({ webhookId: c.req.valid('param').id }, c.get('principal'), c.get('deps'));
    return c.body(null, 204);
  });

  app.openapi(enableRouteDef, async (c) => {
    const webhookId = c.req.valid('param').id;
    return c.json(await enableWebhook({ webhookId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(deliveriesRouteDef, async (c) => {
    const webhookId = c.req.valid('param').id;
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listWebhookDeliveries({ ...query, webhookId }, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(redeliverRouteDef, async (c) => {
    const { id: webhookId, deliveryId } = c.req.valid('param');
    return c.json(await redeliverWebhook({ webhookId, deliveryId }, c.get('principal'), c.get('deps')), 200);
  });
}
