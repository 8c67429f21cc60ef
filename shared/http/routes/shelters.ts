import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { createPickupPointSchema, pickupPointSchema } from '../../domain/pickup-point.js';
import { createShelterSchema, shelterSchema, updateShelterSchema } from '../../domain/shelter.js';
import { slugSchema } from '../../domain/slug.js';
import { createPickupPoint } from '../../usecases/create-pickup-point.js';
import { createShelter } from '../../usecases/create-shelter.js';
import { getShelter, listShelters, updateShelter } from '../../usecases/shelter-queries.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { pageQuerySchema, pageSchema } from '../pagination-schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const shelterParams = z.object({ id: slugSchema });

const createShelterRoute = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/shelters',
  tags: ['Shelters'],
  summary: 'Register a shelter',
  request: { body: { required: true, content: json(createShelterSchema) } },
  responses: { 201: { description: 'Created.', content: json(shelterSchema) }, 409: errorResponses[409] },
});

const listSheltersRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters',
  tags: ['Shelters'],
  summary: 'List shelters in the key’s scope',
  description: 'Location fields of confidential shelters are shown to admins only.',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: json(pageSchema(shelterSchema)) } },
});

const getShelterRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters/{id}',
  tags: ['Shelters'],
  summary: 'One shelter',
  request: { params: shelterParams },
  responses: { 200: { description: 'The shelter.', content: json(shelterSchema) }, 404: errorResponses[404] },
});

const updateShelterRoute = securedRoute(['admin'], {
  method: 'patch',
  path: '/v1/shelters/{id}',
  tags: ['Shelters'],
  summary: 'Change a shelter (population, capacity, name, location, confidentiality)',
  request: { params: shelterParams, body: { required: true, content: json(updateShelterSchema) } },
  responses: { 200: { description: 'Updated.', content: json(shelterSchema) }, 404: errorResponses[404] },
});

const createPickupPointRoute = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/shelters/{id}/pickup-points',
  tags: ['Shelters'],
  summary: 'Add a pickup point to a shelter',
  request: { params: shelterParams, body: { required: true, content: json(createPickupPointSchema) } },
  responses: {
    201: { description: 'Created.', content: json(pickupPointSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const listPickupPointsRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters/{id}/pickup-points',
  tags: ['Shelters'],
  summary: 'Pickup points of a shelter',
  request: { params: shelterParams, query: pageQuerySchema },
  responses: {
    200: { description: 'One page.', content: json(pageSchema(pickupPointSchema)) },
    404: errorResponses[404],
  },
});

export function registerShelters(app: OpenAPIHono<AppEnv>) {
  app.openapi(createShelterRoute, async (c) => {
    const deps = c.get('deps');
    const shelter = await createShelter(c.req.valid('json'), c.get('principal'), {
      shelters: deps.stores.shelters,
      now: deps.now,
    });
    return c.json(shelter, 201);
  });

  app.openapi(listSheltersRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const deps = c.get('deps');
    return c.json(
      await listShelters(c.get('principal'), limit, cursor, {
        shelters: deps.stores.shelters,
        now: deps.now,
      }),
      200,
    );
  });

  app.openapi(getShelterRoute, async (c) => {
    const deps = c.get('deps');
    const shelter = await getShelter(c.req.valid('param').id, c.get('principal'), {
      shelters: deps.stores.shelters,
      now: deps.now,
    });
    return c.json(shelter, 200);
  });

  app.openapi(updateShelterRoute, async (c) => {
    const deps = c.get('deps');
    const shelter = await updateShelter(c.req.valid('param').id, c.req.valid('json'), {
      shelters: deps.stores.shelters,
      now: deps.now,
    });
    return c.json(shelter, 200);
  });

  app.openapi(createPickupPointRoute, async (c) => {
    const deps = c.get('deps');
    const point = await createPickupPoint(c.req.valid('param').id, c.req.valid('json'), {
      shelters: deps.stores.shelters,
      now: deps.now,
    });
    return c.json(point, 201);
  });

  app.openapi(listPickupPointsRoute, async (c) => {
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    await getShelter(id, c.get('principal'), { shelters: deps.stores.shelters, now: deps.now });
    const { limit, cursor } = c.req.valid('query');
    const page = await deps.stores.shelters.listPickupPoints(id, limit, cursor);
    return c.json(page, 200);
  });
}
