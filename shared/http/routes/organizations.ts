import type { OpenAPIHono } from '@hono/zod-openapi';
import { createOrganizationSchema, organizationSchema } from '../../domain/organization.js';
import { pageQuerySchema } from '../../domain/page-query.js';
import { createOrganization } from '../../usecases/create-organization.js';
import { listOrganizations } from '../../usecases/list-organizations.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

const createRouteDef = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/organizations',
  operationId: 'createOrganization',
  tags: ['Organizations'],
  summary: 'Register a partner organisation',
  request: { body: { required: true, content: jsonContent(createOrganizationSchema) } },
  responses: {
    201: { description: 'Created.', content: jsonContent(organizationSchema) },
    409: errorResponses[409],
  },
});

const listRouteDef = securedRoute(['admin'], {
  method: 'get',
  path: '/v1/organizations',
  operationId: 'listOrganizations',
  tags: ['Organizations'],
  summary: 'List partner organisations',
  request: { query: pageQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(organizationSchema)) } },
});

export function registerOrganizations(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRouteDef, async (c) => {
    const org = await createOrganization(c.req.valid('json'), c.get('principal'), c.get('deps'));
    return c.json(org, 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listOrganizations(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });
}
