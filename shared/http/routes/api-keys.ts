import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { keyScopeSchema, roleSchema } from '../../domain/api-key.js';
import { slugSchema } from '../../domain/slug.js';
import { createApiKey } from '../../usecases/create-api-key.js';
import { revokeApiKey } from '../../usecases/revoke-api-key.js';
import type { AppEnv } from '../app-env.js';
import { errorResponses, securedRoute } from '../openapi-route.js';

const createApiKeySchema = z
  .object({
    role: roleSchema,
    orgId: slugSchema,
    scope: keyScopeSchema.default({ shelterIds: '*', pickupPointIds: '*' }),
    label: z.string().trim().min(1).max(120).openapi({ example: 'Kandal pickup volunteers' }),
  })
  .strict()
  .openapi('CreateApiKey');

const apiKeyViewSchema = z
  .object({
    id: z.string(),
    role: roleSchema,
    orgId: z.string(),
    scope: keyScopeSchema,
    label: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().optional(),
  })
  .openapi('ApiKey');

const createdApiKeySchema = apiKeyViewSchema
  .extend({ apiKey: z.string().openapi({ description: 'The secret. Shown once; store it now.' }) })
  .openapi('CreatedApiKey');

const createRouteDef = securedRoute(['admin'], {
  method: 'post',
  path: '/v1/api-keys',
  tags: ['API keys'],
  summary: 'Issue an API key (the secret is returned once)',
  request: { body: { required: true, content: { 'application/json': { schema: createApiKeySchema } } } },
  responses: {
    201: { description: 'Created.', content: { 'application/json': { schema: createdApiKeySchema } } },
  },
});

const revokeRouteDef = securedRoute(['admin'], {
  method: 'delete',
  path: '/v1/api-keys/{id}',
  tags: ['API keys'],
  summary: 'Revoke an API key',
  description:
    'Takes effect at once on the instance that serves this request, and everywhere within API_KEY_CACHE_SECONDS.',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'Revoked.', content: { 'application/json': { schema: apiKeyViewSchema } } },
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

function view<T extends { secretHash?: string }>(record: T): Omit<T, 'secretHash'> {
  const { secretHash: _hidden, ...rest } = record;
  return rest;
}

export function registerApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(createRouteDef, async (c) => {
    const deps = c.get('deps');
    const { record, apiKey } = await createApiKey(c.req.valid('json'), c.get('principal'), {
      apiKeys: deps.stores.apiKeys,
      organizations: deps.stores.organizations,
      now: deps.now,
    });
    c.header('cache-control', 'no-store');
    return c.json({ ...view(record), apiKey }, 201);
  });

  app.openapi(revokeRouteDef, async (c) => {
    const deps = c.get('deps');
    const record = await revokeApiKey(c.req.valid('param').id, c.get('principal'), {
      apiKeys: deps.stores.apiKeys,
      keyCache: deps.keyCache,
      now: deps.now,
    });
    return c.json(view(record), 200);
  });
}
