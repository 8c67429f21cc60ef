import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { registerWebRoutes } from '../../web/serve/web-routes.js';
import { AppError } from '../errors/app-errors.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { handleError, problemResponse } from './error-handler.js';
import { allowedMethodsFinder } from './method-not-allowed.js';
import { accessLog } from './middleware/access-log.js';
import { requireJsonBodies } from './middleware/require-json.js';
import { serveOpenApiDocument } from './openapi-document.js';
import { registerSharedResponses } from './openapi-responses.js';
import { registerApiKeys } from './routes/api-keys.js';
import { registerConflicts } from './routes/conflicts.js';
import { registerDeviceOffline } from './routes/device-offline.js';
import { registerDevices } from './routes/devices.js';
import { registerEvents } from './routes/events.js';
import { registerHealth } from './routes/health.js';
import { registerItems } from './routes/items.js';
import { registerMe } from './routes/me.js';
import { registerOrganizations } from './routes/organizations.js';
import { registerRedemptions } from './routes/redemptions.js';
import { registerRoundHouseholds } from './routes/round-households.js';
import { registerRoundReports } from './routes/round-reports.js';
import { registerRounds } from './routes/rounds.js';
import { registerShelters } from './routes/shelters.js';
import { registerStock } from './routes/stock.js';
import { registerStockMovements } from './routes/stock-movements.js';
import { registerTransfers } from './routes/transfers.js';
import { registerVoucherMedia } from './routes/voucher-media.js';
import { registerVoucherReports } from './routes/voucher-reports.js';
import { registerVouchers } from './routes/vouchers.js';
import { registerWebhooks } from './routes/webhooks.js';
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
    await next();
  });
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', accessLog());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('payload-too-large', `The request body is over the limit of ${maxSize} bytes.`);
      },
    });
  const defaultLimit = limitOf(deps.maxBodyBytes);
  // Household lists (5,000 rows of references up to 128 characters) need more than other bodies.
  const householdListLimit = limitOf(Math.max(deps.maxBodyBytes, HOUSEHOLD_LIST_MAX_BYTES));
  app.use('*', (c, next) =>
    (HOUSEHOLD_LIST_PATH.test(c.req.path) ? householdListLimit : defaultLimit)(c, next),
  );
  app.use('*', requireJsonBodies({ csvAlsoAt: HOUSEHOLD_LIST_PATH }));

  registerHealth(app);
  registerOrganizations(app);
  registerApiKeys(app);
  registerMe(app);
  registerShelters(app);
  registerItems(app);
  registerStockMovements(app);
  registerTransfers(app);
  registerStock(app);
  registerVoucherReports(app);
  registerRedemptions(app);
  registerVouchers(app);
  registerVoucherMedia(app);
  registerWebhooks(app);
  registerEvents(app);
  registerDevices(app);
  registerDeviceOffline(app);
  registerConflicts(app);
  registerRounds(app);
  registerRoundHouseholds(app);
  registerRoundReports(app);
  registerWebRoutes(app);

  registerSharedResponses(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key issued by POST /v1/api-keys, sent as `Authorization: Bearer <key>`.',
  });
  serveOpenApiDocument(app);

  const allowedMethods = allowedMethodsFinder(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        'method-not-allowed',
        `${c.req.method} is not allowed here; use ${allowed.join(', ')}.`,
        {},
        {
          allow: allowed.join(', '),
        },
      );
    }
    return problemResponse(c, 'not-found', 'No such route. The API is described at /openapi.json.');
  });
  app.onError(handleError);

  return app;
}

export type SupplylineApp = ReturnType<typeof createApp>;
