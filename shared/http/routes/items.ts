import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { createItemSchema, itemSchema } from '../../domain/item.js';
import { slugSchema } from '../../domain/slug.js';
import { NotFoundError } from '../../errors/app-errors.js';
import { createItem } from '../../usecases/create-item.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { pageQuerySchema, pageSchema } from '../pagination-schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const createItemRoute = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/items',
  tags: ['Items'],
  summary: 'Add an item to the catalogue',
  request: { body: { required: true, content: json(createItemSchema) } },
  responses: { 201: { description: 'Created.', content: json(itemSchema) }, 409: errorResponses[409] },
});

const listItemsRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items',
  tags: ['Items'],
  summary: 'The item catalogue',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: json(pageSchema(itemSchema)) } },
});

const getItemRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/items/{id}',
  tags: ['Items'],
  summary: 'One catalogue item',
  request: { params: z.object({ id: slugSchema }) },
  responses: { 200: { description: 'The item.', content: json(itemSchema) }, 404: errorResponses[404] },
});

export function registerItems(app: OpenAPIHono<AppEnv>) {
  app.openapi(createItemRoute, async (c) => {
    const deps = c.get('deps');
    return c.json(await createItem(c.req.valid('json'), { items: deps.stores.items, now: deps.now }), 201);
  });

  app.openapi(listItemsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await c.get('deps').stores.items.list(limit, cursor), 200);
  });

  app.openapi(getItemRoute, async (c) => {
    const { id } = c.req.valid('param');
    const item = await c.get('deps').stores.items.get(id);
    if (item === undefined) throw new NotFoundError('Item', id);
    return c.json(item, 200);
  });
}
