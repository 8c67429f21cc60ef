import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { alertRecipientsSchema } from '../../domain/alert-recipients.js';
import { shelterViewSchema } from '../../domain/shelter.js';
import { slugSchema } from '../../domain/slug.js';
import { coverWarningDaysSchema } from '../../domain/stock.js';
import { getAlertRecipients } from '../../usecases/get-alert-recipients.js';
import { setCoverWarningDays } from '../../usecases/set-cover-warning-days.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';

const params = z.object({ id: slugSchema });

const coverWarningDaysBody = z
  .object({
    coverWarningDays: coverWarningDaysSchema.nullable().openapi({
      description: 'Days of cover under which a balance here raises `stock.cover-low`; null: the default, 3.',
    }),
  })
  .strict()
  .openapi('CoverWarningDays');

const coverWarningRoute = idempotentWriteRoute(
  ['logistics', 'admin'],
  {
    method: 'put',
    path: '/v1/shelters/{id}/cover-warning-days',
    operationId: 'setCoverWarningDays',
    tags: ['Stock'],
    summary: 'Set a shelter’s cover warning level (days of cover under which its stock warns)',
    description:
      'An item’s own level at the shelter (`PUT /v1/shelters/{id}/stock/{itemId}/threshold`, `coverWarningDays`) comes first. A logistics lead sets it for the shelters of the key; the shelter records who and when.',
    params,
    body: coverWarningDaysBody,
    success: { status: 200, description: 'The shelter with its level.', schema: shelterViewSchema },
  },
  { storeResponse: true },
);

const recipientsRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/shelters/{id}/alert-recipients',
  operationId: 'getAlertRecipients',
  tags: ['Stock'],
  summary: 'Who the shelter’s stock alerts reach: the digest’s addresses and the webhooks',
  description:
    'The digest (at most one an hour per shelter) goes to every subscription of the stock-alert topic, confirmed or not yet; the webhooks are those of any organisation that subscribe to this shelter’s stock.low, stock.out or stock.cover-low (their host only).',
  request: { params },
  responses: {
    200: { description: 'Who hears the alerts.', content: jsonContent(alertRecipientsSchema) },
    404: errorResponses[404],
  },
});

export function registerStockAlertSettings(app: OpenAPIHono<AppEnv>) {
  app.openapi(coverWarningRoute, async (c) => {
    const input = { shelterId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await setCoverWarningDays(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(recipientsRoute, async (c) => {
    const input = { shelterId: c.req.valid('param').id };
    return c.json(await getAlertRecipients(input, c.get('principal'), c.get('deps')), 200);
  });
}
