import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { movementSchema } from '../../domain/movement.js';
import { slugSchema } from '../../domain/slug.js';
import { lowStockThresholdSchema, stockViewSchema } from '../../domain/stock.js';
import { getMovement } from '../../usecases/get-movement.js';
import { listMovements, movementQuerySchema } from '../../usecases/list-movements.js';
import { listStock, stockQuerySchema } from '../../usecases/list-stock.js';
import { setLowStockThreshold } from '../../usecases/set-low-stock-threshold.js';
import { stockReportCsv } from '../../usecases/stock-report.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const readers = ['logistics', 'coordinator', 'admin'] as const;

const stockRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/stock',
  operationId: 'listStock',
  tags: ['Stock'],
  summary: 'Stock balances with available, low-stock flag and days of cover',
  description:
    'Filter by shelter, item (one item across every shelter) or category. Keys scoped to some shelters see only those. ' +
    'With itemId or category filters a page can hold fewer rows than `limit` and still have a `nextCursor`.',
  request: { query: stockQuerySchema },
  responses: {
    200: { description: 'One page of balances.', content: jsonContent(pageSchema(stockViewSchema)) },
    404: errorResponses[404],
  },
});

const thresholdRoute = securedRoute(['logistics'], {
  method: 'put',
  path: '/v1/shelters/{id}/stock/{itemId}/threshold',
  operationId: 'setLowStockThreshold',
  tags: ['Stock'],
  summary:
    'Set (or clear, with null) the low-stock threshold and the cover warning days of an item at a shelter',
  description:
    'Send either or both: a field left out is left as it is. The cover warning days here come before the shelter’s own (`PUT /v1/shelters/{id}/cover-warning-days`).',
  request: {
    params: z.object({ id: slugSchema, itemId: slugSchema }),
    body: {
      required: true,
      content: jsonContent(lowStockThresholdSchema),
    },
  },
  responses: {
    200: { description: 'The balance with its new threshold.', content: jsonContent(stockViewSchema) },
    404: errorResponses[404],
  },
});

const movementsRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/shelters/{id}/movements',
  operationId: 'listMovements',
  tags: ['Stock'],
  summary: 'The ledger of a shelter, in time order',
  request: { params: z.object({ id: slugSchema }), query: movementQuerySchema },
  responses: {
    200: { description: 'One page of movements.', content: jsonContent(pageSchema(movementSchema)) },
    404: errorResponses[404],
  },
});

const movementRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/shelters/{id}/movements/{movementId}',
  operationId: 'getMovement',
  tags: ['Stock'],
  summary: 'One ledger entry: a receipt to print, a transfer’s arrival',
  description:
    'A receipt (`POST /v1/shelters/{id}/receipts`) answers its ledger entry; this reads it again by its `id`.',
  request: {
    params: z.object({
      id: slugSchema,
      movementId: z
        .string()
        .max(26)
        .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ledger entry id (a ULID, 26 characters)')
        .openapi({ example: '01KB8Z7N2Q4J3M5X6Y7Z8A9B0C' }),
    }),
  },
  responses: {
    200: { description: 'The ledger entry.', content: jsonContent(movementSchema) },
    404: errorResponses[404],
  },
});

const reportRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/reports/stock.csv',
  operationId: 'getStockReportCsv',
  tags: ['Stock'],
  summary: 'Stock report as CSV with an HXL hashtag row',
  responses: {
    200: {
      description: 'CSV: header row, HXL hashtag row, one row per balance.',
      content: { 'text/csv': { schema: z.string() } },
    },
  },
});

export function registerStock(app: OpenAPIHono<AppEnv>) {
  app.openapi(stockRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listStock(query, c.get('principal'), c.get('deps')),
    );
    // `requests` (what the page cost) is for benchmarks, not clients.
    return c.json({ items: page.items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(thresholdRoute, async (c) => {
    const { id, itemId } = c.req.valid('param');
    const view = await setLowStockThreshold(
      { shelterId: id, itemId, ...c.req.valid('json') },
      c.get('principal'),
      c.get('deps'),
    );
    return c.json(view, 200);
  });

  app.openapi(movementsRoute, async (c) => {
    const shelterId = c.req.valid('param').id;
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listMovements({ shelterId, ...query }, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(movementRoute, async (c) => {
    const { id, movementId } = c.req.valid('param');
    return c.json(await getMovement({ shelterId: id, movementId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const report = await stockReportCsv({}, c.get('principal'), c.get('deps'));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="supplyline-stock-${report.date}.csv"`);
    return c.body(report.csv, 200) as never;
  });
}
