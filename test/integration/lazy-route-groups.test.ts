import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../shared/http/app-env.js';
import { mountLazyRouteGroup } from '../../shared/http/lazy-route-group.js';
import { accessLog } from '../../shared/http/middleware/access-log.js';
import { requireRole } from '../../shared/http/middleware/require-role.js';
import { lazyRouteGroups } from '../../shared/http/route-groups.js';
import { answerUnmatchedAndErrors } from '../../shared/http/unmatched-and-errors.js';
import { validationHook } from '../../shared/http/validation-hook.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Route groups off the hot path are loaded on the first request under their prefixes (issue 14).
 * A small outer app with the real middleware and one group of one route shows when a group loads
 * and that its answers are the app's own: validation, 404/405, errors, the access log's route and key.
 */
describe('a route group loaded on first use', () => {
  let t: TestApp;
  let admin: string;
  let loads = 0;
  let failNextLoad = false;
  let app: OpenAPIHono<AppEnv>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.createOrg('org-a');
    admin = await t.createKey('admin', 'org-a');
    app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
    app.use('*', async (c, next) => {
      c.set('deps', t.deps);
      await next();
    });
    app.use('*', requestId({ headerName: 'x-request-id' }));
    app.use('*', accessLog());
    app.get('/hot', (c) => c.json({ hot: true }));
    mountLazyRouteGroup(app, {
      name: 'samples',
      prefixes: ['/samples'],
      load: async () => {
        loads += 1;
        if (failNextLoad) {
          failNextLoad = false;
          throw new Error('chunk missing');
        }
        return (group) => {
          group.openapi(
            {
              ...createRoute({
                method: 'post',
                path: '/samples/{id}',
                request: {
                  params: z.object({ id: z.string().max(8) }),
                  body: { content: { 'application/json': { schema: z.object({ n: z.number() }).strict() } } },
                },
                responses: { 200: { description: 'ok' } },
              }),
              middleware: [requireRole('admin')],
            },
            (c) => c.json({ id: c.req.param('id'), n: c.req.valid('json').n }, 200),
          );
        };
      },
    });
    answerUnmatchedAndErrors(app);
  });

  const post = (path: string, body: unknown, key = admin) =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is not loaded by requests elsewhere, then once, on the first request under its prefix', async () => {
    failNextLoad = true;
    expect((await app.request('/hot')).status).toBe(200);
    expect(loads).toBe(0);
    // A load that fails answers 500 and is tried again on the next request.
    expect((await post('/samples/a', { n: 1 })).status).toBe(500);
    expect(loads).toBe(1);
    const first = await post('/samples/a', { n: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ id: 'a', n: 1 });
    await post('/samples/b', { n: 2 });
    expect(loads).toBe(2);
  });

  it('answers as the app does: validation problems, 401, 405 with Allow, 404', async () => {
    const invalid = await post('/samples/a', { n: 'one', extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.headers.get('x-request-id')).toBeTruthy();
    expect((await post('/samples/a', { n: 1 }, 'sl_nobody_x')).status).toBe(401);
    const wrongMethod = await app.request('/samples/a', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await app.request('/samples/a/b')).status).toBe(404);
  });

  it("logs the group's matched route and the key, not the prefix", async () => {
    const before = t.logs.length;
    const answer = await post('/samples/c', { n: 3 });
    const [line] = t.logs.slice(before).filter((entry) => entry.message === 'request');
    expect(line).toMatchObject({
      route: '/samples/:id',
      status: 200,
      keyId: admin.split('_')[1],
      requestId: answer.headers.get('x-request-id'),
    });
  });

  it('covers every path of the routes it owns: no lazy route lies outside its prefixes', async () => {
    for (const group of lazyRouteGroups) {
      const probe = new OpenAPIHono<AppEnv>();
      (await group.load())(probe);
      const outside = probe.routes
        .map((route) => route.path)
        .filter((path) => !group.prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)));
      expect({ group: group.name, outside }).toEqual({ group: group.name, outside: [] });
    }
  });
});
