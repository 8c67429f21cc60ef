import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { roles } from '../../domain/api-key.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { createPickupPointSchema, pickupPointViewSchema } from '../../domain/pickup-point.js';
import { createShelterSchema, shelterViewSchema, updateShelterSchema } from '../../domain/shelter.js';
import { slugSchema } from '../../domain/slug.js';
import { createPickupPoint } from '../../usecases/create-pickup-point.js';
import { createShelter } from '../../usecases/create-shelter.js';
import { getShelter } from '../../usecases/get-shelter.js';
import { listPickupPoints } from '../../usecases/list-pickup-points.js';
import { listShelters } from '../../usecases/list-shelters.js';
import { updateShelter } from '../../usecases/update-shelter.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const shelterParams = z.object({ id: slugSchema });

const createShelterRoute = securedRoute(
  ['admin'],
  {
    method: 'post',
    path: '/v1/shelters',
    operationId: 'createShelter',
    tags: ['Shelters'],
    summary: 'Register a shelter',
    request: { body: { required: true, content: jsonContent(createShelterSchema) } },
    responses: {
      201: { description: 'Created.', content: jsonContent(shelterViewSchema) },
      409: errorResponses[409],
    },
  },
  { location: '/v1/shelters' },
);

const listSheltersRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters',
  operationId: 'listShelters',
  tags: ['Shelters'],
  summary: 'List shelters in the key’s scope',
  description: 'Location fields of confidential shelters are shown to admins only.',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(shelterViewSchema)) } },
});

const getShelterRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters/{id}',
  operationId: 'getShelter',
  tags: ['Shelters'],
  summary: 'One shelter',
  request: { params: shelterParams },
  responses: {
    200: { description: 'The shelter.', content: jsonContent(shelterViewSchema) },
    404: errorResponses[404],
  },
});

const updateShelterRoute = securedRoute(['admin'], {
  method: 'patch',
  path: '/v1/shelters/{id}',
  operationId: 'updateShelter',
  tags: ['Shelters'],
  summary:
    'Change a shelter (population, capacity, name, location, confidentiality, offline mode, window and silent-phone time)',
  request: { params: shelterParams, body: { required: true, content: jsonContent(updateShelterSchema) } },
  responses: {
    200: { description: 'Updated.', content: jsonContent(shelterViewSchema) },
    404: errorResponses[404],
  },
});

const createPickupPointRoute = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/shelters/{id}/pickup-points',
  operationId: 'createPickupPoint',
  tags: ['Shelters'],
  summary: 'Add a pickup point to a shelter',
  request: { params: shelterParams, body: { required: true, content: jsonContent(createPickupPointSchema) } },
  responses: {
    201: { description: 'Created.', content: jsonContent(pickupPointViewSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

const listPickupPointsRoute = securedRoute([...roles], {
  method: 'get',
  path: '/v1/shelters/{id}/pickup-points',
  operationId: 'listPickupPoints',
  tags: ['Shelters'],
  summary: 'Pickup points of a shelter',
  request: { params: shelterParams, query: pageQuerySchema },
  responses: {
    200: { description: 'One page.', content: jsonContent(pageSchema(pickupPointViewSchema)) },
    404: errorResponses[404],
  },
});

export function registerShelters(app: OpenAPIHono<AppEnv>) {
  app.openapi(createShelterRoute, async (c) => {
    // Admins only: they see every field.
    return c.json(await createShelter(c.req.valid('json'), c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listSheltersRoute, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listShelters(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(getShelterRoute, async (c) => {
    const shelterId = c.req.valid('param').id;
    return c.json(await getShelter({ shelterId }, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(updateShelterRoute, async (c) => {
    const input = { shelterId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await updateShelter(input, c.get('principal'), c.get('deps')), 200);
  });

  app.openapi(createPickupPointRoute, async (c) => {
    const input = { shelterId: c.req.valid('param').id, ...c.req.valid('json') };
    return c.json(await createPickupPoint(input, c.get('principal'), c.get('deps')), 201);
  });

  app.openapi(listPickupPointsRoute, async (c) => {
    const shelterId = c.req.valid('param').id;
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listPickupPoints({ shelterId, ...query }, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });
}
