import type { OpenAPIHono } from '@hono/zod-openapi';
import { createOrganizationSchema, organizationSchema } from '../../domain/organization.js';
import { createOrganization } from '../../usecases/create-organization.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';
import { pageQuerySchema, pageSchema } from '../pagination-schemas.js';

const createRouteDef = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/organizations',
  tags: ['Organizations'],
  summary: 'Register a partner organisation',
  request: {
    body: { required: true, content: { 'application/json': { schema: createOrganizationSchema } } },
  },
  responses: {
    201: { description: 'Created.', content: { 'application/json': { schema: organizationSchema } } },
    409: errorResponses[409],
  },
});

const listRouteDef = securedRoute(['admin'], {
  method: 'get',
  path: '/v1/organizations',
  tags: ['Organizations'],
  summary: 'List partner organisations',
  request: { query: pageQuerySchema },
  responses: {
    200: {
      description: 'One page.',
      content: { 'application/json': { schema: pageSchema(organizationSchema) } },
    },
  },
});

export function registerOrganizations(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRouteDef, async (c) => {
    const deps = c.get('deps');
    const org = await createOrganization(c.req.valid('json'), c.get('principal'), {
      organizations: deps.stores.organizations,
      now: deps.now,
    });
    return c.json(org, 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await c.get('deps').stores.organizations.list(limit, cursor);
    return c.json(page, 200);
  });
}
