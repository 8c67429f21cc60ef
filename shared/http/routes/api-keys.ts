import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { apiKeyView, apiKeyViewSchema, createApiKeySchema } from '../../domain/api-key.js';
import { createApiKey } from '../../usecases/create-api-key.js';
import { apiKeysQuerySchema, listApiKeys } from '../../usecases/list-api-keys.js';
import { revokeApiKey } from '../../usecases/revoke-api-key.js';
import type { AppEnv } from '../app-env.js';
import { readListPage } from '../list-page.js';
import { errorResponses, jsonContent, securedRoute } from '../openapi-route.js';
import { pageSchema } from '../pagination-schemas.js';

// Spread, not `.extend()`: extending a named schema is documented as an `allOf` of two closed
// objects, which no answer can satisfy.
const createdApiKeySchema = z
  .object({
    ...apiKeyViewSchema.shape,
    apiKey: z.string().openapi({ description: 'The secret. Shown once; store it now.' }),
  })
  .strict()
  .openapi('CreatedApiKey');

const createRouteDef = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/api-keys',
  operationId: 'createApiKey',
  tags: ['API keys'],
  summary: 'Issue an API key (the secret is returned once)',
  description:
    'A volunteer key must name its `scope.pickupPointIds`, a coordinator or logistics key its `scope.shelterIds` (a list, or `"*"` for all); an admin key takes no scope. A missing scope is a 400 naming the field.',
  request: { body: { required: true, content: jsonContent(createApiKeySchema) } },
  responses: { 201: { description: 'Created.', content: jsonContent(createdApiKeySchema) } },
});

const listRouteDef = securedRoute(['admin'], {
  method: 'get',
  path: '/v1/api-keys',
  operationId: 'listApiKeys',
  tags: ['API keys'],
  summary: 'An organisation’s keys (never a secret, nor its hash)',
  description:
    'In key-id order. `kind=machine` lists the keys made with POST /v1/api-keys (partner systems, scripts); `kind=person` the keys people made from an invitation (also listed with their person: GET /v1/people/{id}). A page may hold fewer than `limit` when filters leave some out: follow `nextCursor`.',
  request: { query: apiKeysQuerySchema },
  responses: { 200: { description: 'One page.', content: jsonContent(pageSchema(apiKeyViewSchema)) } },
});

const revokeRouteDef = securedRoute(['admin'], {
  method: 'delete',
  path: '/v1/api-keys/{id}',
  operationId: 'revokeApiKey',
  tags: ['API keys'],
  summary: 'Revoke an API key',
  description:
    'Takes effect at once on the instance that serves this request, and everywhere within API_KEY_CACHE_SECONDS.',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'Revoked.', content: jsonContent(apiKeyViewSchema) },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export function registerApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRouteDef, async (c) => {
    const { record, apiKey } = await createApiKey(c.req.valid('json'), c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json({ ...apiKeyView(record), apiKey }, 201);
  });

  app.openapi(listRouteDef, async (c) => {
    const page = await readListPage(c, c.req.valid('query'), (query) =>
      listApiKeys(query, c.get('principal'), c.get('deps')),
    );
    return c.json(page, 200);
  });

  app.openapi(revokeRouteDef, async (c) => {
    const keyId = c.req.valid('param').id;
    const record = await revokeApiKey({ keyId }, c.get('principal'), c.get('deps'));
    return c.json(apiKeyView(record), 200);
  });
}
