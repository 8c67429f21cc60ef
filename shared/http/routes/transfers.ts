import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { dispatchTransferSchema, receiveTransferSchema, transferSchema } from '../../domain/transfer.js';
import { waybillSvg } from '../../render/waybill-svg.js';
import { dispatchTransfer } from '../../usecases/dispatch-transfer.js';
import { getTransfer } from '../../usecases/get-transfer.js';
import { getTransferWaybill } from '../../usecases/get-transfer-waybill.js';
import { listTransfers, transferQuerySchema } from '../../usecases/list-transfers.js';
import { receiveTransfer } from '../../usecases/receive-transfer.js';
import type { AppEnv } from '../app-env.js';
import { idempotencyFor } from '../idempotency-context.js';
import { readListPage } from '../list-page.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const params = z.object({ id: z.string().min(1).max(64) });

const dispatchRoute = idempotentWriteRoute(
  ['logistics'],
  {
    method: 'post',
    path: '/v1/transfers',
    operationId: 'dispatchTransfer',
    tags: ['Transfers'],
    summary: 'Dispatch stock to another shelter (it leaves the sender at once)',
    description:
      'Only available stock (on hand minus reserved) can be sent; otherwise 409 `insufficient-stock`.',
    body: dispatchTransferSchema,
    success: { status: 201, description: 'In transit.', schema: transferSchema },
  },
  { location: '/v1/transfers' },
);

const receiveRoute = idempotentWriteRoute(['logistics'], {
  method: 'post',
  path: '/v1/transfers/{id}/receive',
  operationId: 'receiveTransfer',
  tags: ['Transfers'],
  summary: 'Receive a transfer with the quantities that arrived',
  description: 'Differences from what was sent are recorded as discrepancies. A second receipt answers 409.',
  params,
  body: receiveTransferSchema,
  success: { status: 200, description: 'Received.', schema: transferSchema },
});

const listRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/transfers',
  operationId: 'listTransfers',
  tags: ['Transfers'],
  summary: 'A shelter’s transfers, newest first: sent (outgoing) or coming (incoming)',
  description: 'With `status=in_transit`: the stock on its way, which no shelter’s balance shows.',
  request: { query: transferQuerySchema },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(transferSchema)) },
    404: errorResponses[404],
  },
});

const waybillRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/transfers/{id}/waybill.svg',
  operationId: 'getTransferWaybillSvg',
  tags: ['Transfers'],
  summary: 'The transfer’s waybill to print (A4 SVG), with the QR code that opens its receive form',
  description:
    'From, to (a confidential shelter’s location left off, admins excepted), vehicle, the driver’s note, the lines with a column to write what arrived, boxes to sign. The QR code holds the desk’s receive form of this transfer, `<origin>/desk#transfer=<id>`, also sent as `X-Waybill-Url`. For keys that reach either end.',
  request: { params },
  responses: {
    200: {
      description: 'SVG, A4, in millimetres.',
      headers: {
        'X-Waybill-Url': {
          description: 'What the QR code holds: the receive form of this transfer on the desk.',
          schema: { type: 'string' },
        },
      },
      content: { 'image/svg+xml': { schema: z.string() } },
    },
    404: errorResponses[404],
  },
});

const getRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/transfers/{id}',
  operationId: 'getTransfer',
  tags: ['Transfers'],
  summary: 'One transfer',
  request: { params },
  responses: {
    200: { description: 'The transfer.', content: jsonContent(transferSchema) },
    404: errorResponses[404],
  },
});

export function registerTransfers(app: OpenAPIHono<AppEnv>) {
  app.openapi(dispatchRoute, async (c) => {
    const transfer = await dispatchTransfer(
      { ...c.req.valid('json'), idempotency: idempotencyFor(c, 201) },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(transfer, 201);
  });

  app.openapi(receiveRoute, async (c) => {
    const transfer = await receiveTransfer(
      { transferId: c.req.valid('param').id, ...c.req.valid('json'), idempotency: idempotencyFor(c, 200) },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(transfer, 200);
  });

  app.openapi(listRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listTransfers(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(waybillRoute, async (c) => {
    const input = { transferId: c.req.valid('param').id, origin: new URL(c.req.url).origin };
    const waybill = await getTransferWaybill(input, c.get('principal'), c.get('deps'));
    return c.body(waybillSvg(waybill), 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'x-waybill-url': waybill.url,
    }) as never;
  });

  app.openapi(getRoute, async (c) => {
    const transferId = c.req.valid('param').id;
    return c.json(await getTransfer({ transferId }, c.get('principal'), c.get('deps')), 200);
  });
}
