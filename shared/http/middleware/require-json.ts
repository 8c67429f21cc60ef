import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-errors.js';
import type { AppEnv } from '../app-env.js';

const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);
const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;
const csvMediaType = /^text\/csv$/i;

/**
 * A body sent as anything but JSON is refused with 415, rather than being read as an empty
 * object and reported as a list of missing fields.
 */
export function requireJsonBodies(options: { csvAlsoAt?: RegExp } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (bodyMethods.has(c.req.method)) {
      const length = c.req.header('content-length');
      const hasBody =
        (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
      // Household lists come from spreadsheets: those routes read text/csv as well.
      const csvAllowed = options.csvAlsoAt?.test(c.req.path) === true;
      if (hasBody && !jsonMediaType.test(mediaType) && !(csvAllowed && csvMediaType.test(mediaType))) {
        throw new AppError(
          'unsupported-media-type',
          csvAllowed
            ? 'Send the household list as JSON ("Content-Type: application/json") or CSV ("Content-Type: text/csv").'
            : 'Send the request body as JSON with "Content-Type: application/json".',
        );
      }
    }
    await next();
  };
}
