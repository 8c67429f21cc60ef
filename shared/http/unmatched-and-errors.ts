import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { handleError, problemResponse } from './error-handler.js';
import { allowedMethodsFinder } from './method-not-allowed.js';

/**
 * How an app answers what none of its routes matched (405 with `Allow` when another method
 * would have, else 404) and what a route threw. The app and each group loaded on first use
 * (route-groups.ts) answer alike.
 */
export function answerUnmatchedAndErrors(app: OpenAPIHono<AppEnv>): void {
  const allowedMethods = allowedMethodsFinder(app);
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        'method-not-allowed',
        `${c.req.method} is not allowed here; use ${allowed.join(', ')}.`,
        {},
        { allow: allowed.join(', ') },
      );
    }
    return problemResponse(c, 'not-found', 'No such route. The API is described at /openapi.json.');
  });
  app.onError(handleError);
}
