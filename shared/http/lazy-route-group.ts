import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Handler } from 'hono';
import type { AppEnv } from './app-env.js';
import type { RouteGroup } from './route-groups.js';
import { answerUnmatchedAndErrors } from './unmatched-and-errors.js';
import { validationHook } from './validation-hook.js';

/** What the outer app hands a group's app with each request. */
interface GroupBindings {
  outer: Context<AppEnv>;
}

/**
 * Mounts a group loaded on first use: every method under its prefixes goes to an app of the
 * group's own, built once from its routes. That app sees the request as the outer middleware
 * left it (body limit applied, request id and deps set) and answers with the same validation
 * hook, 404/405 and error handling; what the outer access log needs from it (the key, the
 * matched route, the problem answered) is handed back. A failed load is tried again on the next request.
 */
export function mountLazyRouteGroup(app: OpenAPIHono<AppEnv>, group: RouteGroup): void {
  let built: Promise<OpenAPIHono<AppEnv>> | undefined;
  const groupApp = () => {
    built ??= buildGroupApp(group).catch((err: unknown) => {
      built = undefined;
      throw err;
    });
    return built;
  };
  const handler: Handler<AppEnv> = async (c) => {
    const inner = await groupApp();
    const bindings: GroupBindings = { outer: c };
    return inner.fetch(c.req.raw, bindings);
  };
  for (const prefix of group.prefixes) {
    app.all(prefix, handler);
    app.all(`${prefix}/*`, handler);
  }
}

async function buildGroupApp(group: RouteGroup): Promise<OpenAPIHono<AppEnv>> {
  const register = await group.load();
  const inner = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  inner.use('*', async (c, next) => {
    const { outer } = c.env as unknown as GroupBindings;
    c.set('deps', outer.get('deps'));
    c.set('requestId', outer.get('requestId'));
    c.set('metrics', outer.get('metrics'));
    c.set('clientAddress', outer.get('clientAddress'));
    c.header('x-request-id', outer.get('requestId'));
    await next();
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    if (principal !== undefined) outer.set('principal', principal);
    outer.set('routePath', c.req.routePath);
    const problem = c.get('problem') as AppEnv['Variables']['problem'];
    if (problem !== undefined) outer.set('problem', problem);
  });
  register(inner);
  answerUnmatchedAndErrors(inner);
  return inner;
}
