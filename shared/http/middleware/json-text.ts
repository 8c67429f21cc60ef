import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { decodeJsonBody } from '../body-text.js';

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * Checks a JSON body decodes strictly before the route's validator reads it: Hono's
 * `c.req.json()` decodes as `Response.text()` does, replacing bytes that are not UTF-8, so a
 * reference sent in Latin-1 would lose its accented letters silently. The text decoded here is
 * put in Hono's body cache, where `c.req.text()` and `c.req.json()` (the idempotency
 * fingerprint, the validator) read it: neither decodes the body again through a Response. A GET
 * or HEAD has no body, and is not asked for one (asking is costly under @hono/node-server: see
 * middleware/body-limit.ts). Runs after the key is authenticated, so an unknown key still gets
 * 401 whatever it sent.
 */
export const strictJsonText = createMiddleware<AppEnv>(async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && jsonMediaType.test(mediaType)) {
    const text = decodeJsonBody(new Uint8Array(await c.req.arrayBuffer()));
    // Hono keeps promises there (its type says the values), as its own validator relies on.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  }
  await next();
});
