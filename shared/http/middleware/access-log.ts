import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * One line per request. The route is the matched pattern (`/v1/vouchers/:id`), not the raw URL,
 * and no body, header value or query string is ever logged.
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const principal = c.get('principal');
    c.get('deps').logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.get('routePath') ?? c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      keyId: principal?.keyId ?? null,
      role: principal?.role ?? null,
    });
  };
}
