import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { registerWebRoutes } from '../../web/serve/web-routes.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { clientAddressOf } from './client-address.js';
import { registerHotRoutes } from './hot-routes.js';
import { mountLazyRouteGroup } from './lazy-route-group.js';
import { accessLog } from './middleware/access-log.js';
import { limitBody } from './middleware/body-limit.js';
import { requestMetrics } from './middleware/request-metrics.js';
import { requireJsonBodies } from './middleware/require-json.js';
import { serveOpenApiDocument } from './openapi-document.js';
import { lazyRouteGroups } from './route-groups.js';
import { answerUnmatchedAndErrors } from './unmatched-and-errors.js';
import { validationHook } from './validation-hook.js';

/** The routes that also take a household list as text/csv, and their larger body limit. */
const HOUSEHOLD_LIST_PATH = /^\/v1\/rounds\/[^/]+\/(households|forecast)$/;
const HOUSEHOLD_LIST_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The one Supplyline app. The Lambda entry and the local Node server both call this, so routes,
 * middleware and errors are the same wherever it runs.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Order matters: deps and the request id first, so every later failure can be logged and answered.
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('clientAddress', clientAddressOf(c.env));
    await next();
  });
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', requestMetrics());
  app.use('*', accessLog());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  const defaultLimit = limitBody(deps.maxBodyBytes);
  // Household lists (5,000 rows of references up to 128 characters) need more than other bodies.
  const householdListLimit = limitBody(Math.max(deps.maxBodyBytes, HOUSEHOLD_LIST_MAX_BYTES));
  app.use('*', (c, next) =>
    (HOUSEHOLD_LIST_PATH.test(c.req.path) ? householdListLimit : defaultLimit)(c, next),
  );
  app.use('*', requireJsonBodies({ csvAlsoAt: HOUSEHOLD_LIST_PATH }));

  registerHotRoutes(app);
  for (const group of lazyRouteGroups) mountLazyRouteGroup(app, group);
  registerWebRoutes(app);
  serveOpenApiDocument(app);
  answerUnmatchedAndErrors(app);

  return app;
}

export type SupplylineApp = ReturnType<typeof createApp>;
