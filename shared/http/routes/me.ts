import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { keyScopeSchema, roleSchema, roles } from '../../domain/api-key.js';
import { describeMe } from '../../usecases/describe-me.js';
import type { AppEnv } from '../app-env.js';
import { jsonContent, securedRoute } from '../openapi-route.js';

const meSchema = z
  .object({
    keyId: z.string(),
    personId: z
      .string()
      .optional()
      .openapi({ description: 'A person’s key: whose it is (absent for a machine key).' }),
    displayName: z.string().optional().openapi({ description: 'A person’s key: what colleagues call them.' }),
    role: roleSchema,
    orgId: z.string(),
    scope: keyScopeSchema,
  })
  .openapi('Me');

const route = securedRoute([...roles], {
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  tags: ['API keys'],
  summary: 'The calling key: its role, organisation and scope, and its person',
  description:
    'Lets a client (the /scan and /dashboard pages) check a key and learn what it may do, e.g. which pickup points a volunteer serves.',
  responses: { 200: { description: 'The calling key.', content: jsonContent(meSchema) } },
});

export function registerMe(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const me = await describeMe({}, c.get('principal'), c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(me, 200);
  });
}
