import { OpenAPIHono } from '@hono/zod-openapi';
import { registerWebRoutes } from '../../web/serve/web-routes.js';
import type { AppEnv } from './app-env.js';
import { registerHotRoutes } from './hot-routes.js';
import { registerSharedResponses } from './openapi-responses.js';
import { lazyRouteGroups } from './route-groups.js';
import { validationHook } from './validation-hook.js';

/**
 * An app holding every route at once, the groups loaded on first use included, made only to
 * describe them: the OpenAPI document is built from its registry (at build time for the deployed
 * function, on the first request for /openapi.json in tests and `npm start`). It serves nothing.
 */
export async function documentApp(): Promise<OpenAPIHono<AppEnv>> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerHotRoutes(app);
  for (const group of lazyRouteGroups) (await group.load())(app);
  registerWebRoutes(app);
  registerSharedResponses(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key issued by POST /v1/api-keys, sent as `Authorization: Bearer <key>`.',
  });
  return app;
}
