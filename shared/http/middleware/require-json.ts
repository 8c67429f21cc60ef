import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-errors.js';
import type { AppEnv } from '../app-env.js';

const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);
const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * A body sent as anything but JSON is refused with 415, rather than being read as an empty
 * object and reported as a list of missing fields.
 */
export function requireJsonBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bodyMethods.has(c.req.method)) {
      const length = c.req.header('content-length');
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
      if (hasBody && !jsonMediaType.test(mediaType)) {
        throw new AppError(
          'unsupported-media-type',
          'Send the request body as JSON with "Content-Type: application/json".',
        );
      }
    }
    await next();
  };
}
