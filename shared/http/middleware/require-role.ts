import { createMiddleware } from 'hono/factory';
import type { Role } from '../../domain/api-key.js';
import { ForbiddenError } from '../../errors/app-errors.js';
import { authenticate } from '../../usecases/authenticate.js';
import type { AppEnv } from '../app-env.js';

/** Authenticates the bearer key (401) and admits only the listed roles (403). */
export function requireRole(...allowed: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = await authenticate(
      { authorization: c.req.header('authorization') },
      undefined,
      c.get('deps'),
    );
    c.set('principal', principal);
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenError(`This operation needs one of these roles: ${allowed.join(', ')}.`);
    }
    await next();
  });
}
