import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { createItemSchema, itemViewSchema, updateItemSchema } from '../../domain/item.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { slugSchema } from '../../domain/slug.js';
import { createItem } from '../../usecases/create-item.js';
import { findItemByCode, foundItemSchema, itemCodeQuerySchema } from '../../usecases/find-item-by-code.js';
import { getItem } from '../../usecases/get-item.js';
import { listItems } from '../../usecases/list-items.js';
import { updateItem } from '../../usecases/update-item.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, idempotentWriteRoute, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

export const itemParams = z.object({ id: slugSchema });

const createItemRoute = securedRoute(
  ['admin'],
  {
    method: 'post',
    path: '/v1/items',
    operationId: 'createItem',
    tags: ['Items'],
    summary: 'Add an item to the catalogue',
    description:
      'With `barcodes`, each GTIN is claimed for the item in the same write: one another item has is refused with 409 (`itemId` names that item) and nothing is added.',
    request: { body: { required: true, content: jsonContent(createItemSchema) } },
    responses: {
      201: { description: 'Created.', content: jsonContent(itemViewSchema) },
      409: errorResponses[409],
    },
  },
  { location: '/v1/items' },
);

const updateItemRoute = idempotentWriteRoute(
  ['admin', 'logistics'],
  {
    method: 'patch',
    path: '/v1/items/{id}',
    operationId: 'updateItem',
    tags: ['Items'],
    summary: 'Change an item: names and daily need (admins), barcodes and pack sizes (admins, logistics)',
    description:
      'A list sent replaces the stored one: send every barcode (every pack size) the item should have. A barcode another item has is refused with 409 (`itemId` names that item) and nothing changes. A logistics key sending any other field is refused with 403.',
    params: itemParams,
    body: updateItemSchema,
    success: { status: 200, description: 'The item as changed.', schema: itemViewSchema },
  },
  { storeResponse: true },
);

const findByCodeRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items/by-code',
  operationId: 'findItemByCode',
  tags: ['Items'],
  summary: 'The item a scanned barcode or item label names',
  description:
    'For the desk: a keyboard-wedge scanner types a barcode then Enter, or a camera reads a package’s GS1 code or a printed Supplyline item label. The code travels in the query, not the path, so it is in no access log. 400 when it is no GTIN (a wrong check digit: scan again) nor a label; 404 when no item has that barcode yet (add it with PATCH /v1/items/{id}).',
  request: { query: itemCodeQuerySchema },
  responses: {
    200: { description: 'The item, and what matched.', content: jsonContent(foundItemSchema) },
    404: errorResponses[404],
  },
});

const listItemsRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items',
  operationId: 'listItems',
  tags: ['Items'],
  summary: 'The item catalogue',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(itemViewSchema)) } },
});

const getItemRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items/{id}',
  operationId: 'getItem',
  tags: ['Items'],
  summary: 'One catalogue item',
  request: { params: itemParams },
  responses: {
    200: { description: 'The item.', content: jsonContent(itemViewSchema) },
    404: errorResponses[404],
  },
});

export function registerItems(app: OpenAPIHono<AppEnv>) {
  app.openapi(createItemRoute, async (c) => {
    // Admins only: they see every field.
    return c.json(await createItem(c.req.valid('json'), c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listItemsRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listItems(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  // Before /v1/items/{id}: `by-code` is no item's id (create refuses it), so the two never meet.
  app.openapi(findByCodeRoute, async (c) => {
    return c.json(await findItemByCode(c.req.valid('query'), c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(getItemRoute, async (c) => {
    const itemId = c.req.valid('param').id;
    return c.json(await getItem({ itemId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(updateItemRoute, async (c) => {
    const input = { itemId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await updateItem(input, c.get('principal'), c.get('deps')), 200);
  });
}
