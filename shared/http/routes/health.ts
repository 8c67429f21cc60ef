import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { publicRoute } from '../openapi-route.js';

const healthSchema = z.object({ status: z.literal('ok'), table: z.literal('reachable') }).openapi('Health');

const route = publicRoute({
  method: 'get',
  path: '/v1/health',
  tags: ['Health'],
  summary: 'Liveness and table reachability',
  description: 'Answers 200 when the table answers a key read, 503 (with Retry-After) when it does not.',
  responses: {
    200: {
      description: 'The API and its table answer.',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    await c.get('deps').stores.health.ping();
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, table: 'reachable' as const }, 200);
  });
}
