import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { decodeJsonBody } from '../body-text.js';

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * Checks a JSON body decodes strictly before the route's validator reads it: Hono's
 * `c.req.json()` decodes as `Response.text()` does, replacing bytes that are not UTF-8, so a
 * reference sent in Latin-1 would lose its accented letters silently. The bytes read here stay
 * in Hono's body cache, and `c.req.json()` and `c.req.text()` decode them from there, now known
 * to be UTF-8. Runs after the key is authenticated, so an unknown key still gets 401 whatever it
 * sent.
 */
export const strictJsonText = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (c.req.raw.body !== null && jsonMediaType.test(mediaType))
    decodeJsonBody(new Uint8Array(await c.req.arrayBuffer()));
  await next();
});
