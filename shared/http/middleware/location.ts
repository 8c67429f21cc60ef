import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';

/**
 * Names what a 201 created: `Location: <collection>/<id>`, from the `id` of the JSON answer. It
 * runs outside idempotent(), so a replayed creation says where the resource is as the first did.
 */
export function locationOfCreated(collection: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.status !== 201) return;
    const created = (await c.res.clone().json()) as { id?: unknown };
    if (typeof created.id !== 'string') return;
    c.res.headers.set('location', `${collection}/${encodeURIComponent(created.id)}`);
  });
}
