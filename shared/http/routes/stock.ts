import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { itemCategorySchema } from '../../domain/item.js';
import { movementSchema } from '../../domain/movement.js';
import { slugSchema } from '../../domain/slug.js';
import { lowStockThresholdSchema, stockViewSchema } from '../../domain/stock.js';
import { listStock } from '../../usecases/list-stock.js';
import { setLowStockThreshold } from '../../usecases/set-low-stock-threshold.js';
import { assertShelterInScope, loadShelter } from '../../usecases/stock-context.js';
import { stockReportCsv } from '../../usecases/stock-report.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { pageQuerySchema, pageSchema } from '../pagination-schemas.js';
import { RequestValidationError } from '../request-validation-error.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const readers = ['logistics', 'coordinator', 'admin'] as const;

const stockRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/stock',
  tags: ['Stock'],
  summary: 'Stock balances with available, low-stock flag and days of cover',
  description:
    'Filter by shelter, item (one item across every shelter) or category. Keys scoped to some shelters see only those. ' +
    'With itemId or category filters a page can hold fewer rows than `limit` and still have a `nextCursor`.',
  request: {
    query: pageQuerySchema.extend({
      shelterId: slugSchema.optional(),
      itemId: slugSchema.optional(),
      category: itemCategorySchema.optional(),
    }),
  },
  responses: {
    200: { description: 'One page of balances.', content: json(pageSchema(stockViewSchema)) },
    404: errorResponses[404],
  },
});

const thresholdRoute = securedRoute(['logistics'], {
  method: 'put',
  path: '/v1/shelters/{id}/stock/{itemId}/threshold',
  tags: ['Stock'],
  summary: 'Set (or clear, with null) the low-stock threshold of an item at a shelter',
  request: {
    params: z.object({ id: slugSchema, itemId: slugSchema }),
    body: {
      required: true,
      content: json(lowStockThresholdSchema),
    },
  },
  responses: {
    200: { description: 'The balance with its new threshold.', content: json(stockViewSchema) },
    404: errorResponses[404],
  },
});

const movementsRoute = securedRoute(['logistics', 'admin'], {
  method: 'get',
  path: '/v1/shelters/{id}/movements',
  tags: ['Stock'],
  summary: 'The ledger of a shelter, in time order',
  request: {
    params: z.object({ id: slugSchema }),
    query: pageQuerySchema.extend({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      order: z.enum(['asc', 'desc']).default('asc'),
    }),
  },
  responses: {
    200: { description: 'One page of movements.', content: json(pageSchema(movementSchema)) },
    404: errorResponses[404],
  },
});

const reportRoute = securedRoute([...readers], {
  method: 'get',
  path: '/v1/reports/stock.csv',
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
    const deps = c.get('deps');
    const page = await listStock(c.req.valid('query'), c.get('principal'), deps);
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
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const { from, to, order, limit, cursor } = c.req.valid('query');
    assertShelterInScope(c.get('principal'), id);
    await loadShelter(deps.stores.shelters, id);
    if (from !== undefined && to !== undefined && Date.parse(from) > Date.parse(to)) {
      throw new RequestValidationError('The time range is reversed.', [
        { field: 'query.from', message: 'must not be after `to`' },
      ]);
    }
    const page = await deps.stores.movements.list({
      shelterId: id,
      order,
      limit,
      ...(from === undefined ? {} : { from: new Date(from) }),
      ...(to === undefined ? {} : { to: new Date(to) }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    return c.json(page, 200);
  });

  app.openapi(reportRoute, async (c) => {
    const csv = await stockReportCsv(c.get('principal'), c.get('deps'));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header(
      'content-disposition',
      `attachment; filename="supplyline-stock-${c.get('deps').now().toISOString().slice(0, 10)}.csv"`,
    );
    return c.body(csv, 200) as never;
  });
}
