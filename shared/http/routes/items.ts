import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { createItemSchema, itemViewSchema } from '../../domain/item.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { slugSchema } from '../../domain/slug.js';
import { createItem } from '../../usecases/create-item.js';
import { getItem } from '../../usecases/get-item.js';
import { listItems } from '../../usecases/list-items.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const createItemRoute = securedRoute(
  ['admin'],
  {
    method: 'post',
    path: '/v1/items',
    operationId: 'createItem',
    tags: ['Items'],
    summary: 'Add an item to the catalogue',
    request: { body: { required: true, content: jsonContent(createItemSchema) } },
    responses: {
      201: { description: 'Created.', content: jsonContent(itemViewSchema) },
      409: errorResponses[409],
    },
  },
  { location: '/v1/items' },
);

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
  request: { params: z.object({ id: slugSchema }) },
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

  app.openapi(getItemRoute, async (c) => {
    const itemId = c.req.valid('param').id;
    return c.json(await getItem({ itemId }, c.get('principal'), c.get('deps')), 200);
  });
}
