import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { itemLabelSvg, LABELS_PER_SHEET } from '../../render/item-label-svg.js';
import { getItemLabel } from '../../usecases/get-item-label.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { itemParams } from './items.js';

const labelRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items/{id}/label.svg',
  operationId: 'getItemLabelSvg',
  tags: ['Items'],
  summary: 'A printable QR label of an item, for goods without a barcode',
  description: `The QR code holds \`supplyline:item:<itemId>\` and nothing else; beside it the item’s names, unit, pack sizes and id. \`layout=single\`: one 70 × 37 mm label; \`layout=a4-sheet\`: ${LABELS_PER_SHEET} of them on an A4 page (3 × 8, the common label stock). The answer names the payload in \`X-Label-Payload\`.`,
  request: {
    params: itemParams,
    query: z.object({ layout: z.enum(['single', 'a4-sheet']).default('single') }).strict(),
  },
  responses: {
    200: {
      description: 'SVG, in millimetres.',
      headers: {
        'X-Label-Payload': {
          description: 'What the QR code holds: `supplyline:item:<itemId>`.',
          schema: { type: 'string' },
        },
      },
      content: { 'image/svg+xml': { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});

export function registerItemLabels(app: OpenAPIHono<AppEnv>) {
  app.openapi(labelRoute, async (c) => {
    const label = await getItemLabel({ itemId: c.req.valid('param').id }, c.get('principal'), c.get('deps'));
    return c.body(itemLabelSvg(label, c.req.valid('query').layout), 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'x-label-payload': label.payload,
    }) as never;
  });
}
