import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../domain/page-query.js';
import {
  createdWebhookSchema,
  createWebhookSchema,
  deliverySchema,
  webhookViewSchema,
} from '../../domain/webhook.js';
import { createWebhook } from '../../usecases/create-webhook.js';
import { listWebhooks } from '../../usecases/list-webhooks.js';
import { deleteWebhook, enableWebhook, getWebhook } from '../../usecases/manage-webhook.js';
import {
  deliveryQuerySchema,
  listWebhookDeliveries,
  redeliverWebhook,
} from '../../usecases/webhook-deliveries.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const managers = ['admin', 'coordinator'] as const;
const params = z.object({ id: z.string().min(1).max(64) });
const deliveryParams = params.extend({ deliveryId: z.string().min(1).max(64) });
/** These actions take nothing but their path; a body, if sent, must be empty (`{}`). */
const noBody = { required: false, content: jsonContent(z.object({}).strict().openapi('NoBody')) };

const createRouteDef = securedRoute([...managers], {
  method: 'post',
  path: '/v1/webhooks',
  operationId: 'createWebhook',
  tags: ['Webhooks'],
  summary: 'Subscribe a URL to events (the signing secret is returned once)',
  description:
    'Each event is POSTed as JSON, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), at least once and in order per subscription; failures are retried with exponential backoff for 24 hours, after which the subscription is disabled with the reason. The subscription hears its organisation’s voucher events and the stock and transfer events of the shelters the creating key reaches (narrowed by `shelterIds`). On AWS the URL must be https and resolve to public addresses only.',
  request: { body: { required: true, content: jsonContent(createWebhookSchema) } },
  responses: { 201: { description: 'Subscribed.', content: jsonContent(createdWebhookSchema) } },
});

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
    const created = await createWebhook(c.req.valid('json'), c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    c.header('location', `/v1/webhooks/${created.id}`);
    return c.json(created, 201);
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
