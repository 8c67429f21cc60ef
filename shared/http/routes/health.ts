import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { checkHealth } from '../../usecases/check-health.js';
import type { AppEnv } from '../app-env.js';
import { jsonContent, publicRoute } from '../openapi-route.js';

const healthSchema = z.object({ status: z.literal('ok'), table: z.literal('reachable') }).openapi('Health');

const route = publicRoute({
  method: 'get',
  path: '/v1/health',
  operationId: 'getHealth',
  tags: ['Health'],
  summary: 'Liveness and table reachability',
  description: 'Answers 200 when the table answers a key read, 503 (with Retry-After) when it does not.',
  responses: { 200: { description: 'The API and its table answer.', content: jsonContent(healthSchema) } },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const health = await checkHealth({}, undefined, c.get('deps'));
    c.header('cache-control', 'no-store');
    return c.json(health, 200);
  });
}
