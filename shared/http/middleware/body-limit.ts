import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors/app-errors.js';
import type { AppEnv } from '../app-env.js';

/**
 * Refuses a body over `maxSize` bytes with 413, as Hono's bodyLimit does, judging a body that
 * states its length by its Content-Length header alone. Hono's middleware reads `c.req.raw.body`
 * first, which under @hono/node-server turns the request into a full WHATWG Request with a web
 * stream for its body: the most costly thing a small JSON request did in the API (CPU profile,
 * bench (a)). A length that is stated is enforced by Node's HTTP parser anyway; a body without
 * one (chunked) is counted by Hono's middleware as it reads it.
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new AppError('payload-too-large', `The request body is over the limit of ${maxSize} bytes.`);
  };
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    return Number.parseInt(length, 10) > maxSize ? tooLarge() : next();
  };
}
