import { beforeAll, describe, expect, it } from 'vitest';
import { firstRequestPaths } from '../../bench/cold-start.js';
import { lazyRouteGroups } from '../../shared/http/route-groups.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Bench (c) times, in a fresh instance, the first request to the hot routes and to each group
 * loaded on first use, without a key so that no database is needed. Each must reach a route of
 * its group and be refused for want of a key: a path no route matches is answered 404 before
 * any key is asked for, and the bench stops there (it did for /v1/count-sessions and /v1/plans,
 * prefixes that are not routes themselves).
 */
describe("bench (c)'s first requests after init", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('names one request for the hot routes and one for every group loaded on first use', () => {
    expect(firstRequestPaths.map((r) => r.group)).toEqual([
      'hot routes',
      ...lazyRouteGroups.map((group) => group.name),
    ]);
  });

  it.each(firstRequestPaths)('$group: $method $path is a route, refused without a key', async (request) => {
    const answer = await t.app.request(request.path, { method: request.method });
    expect({ path: request.path, status: answer.status }).toEqual({ path: request.path, status: 401 });
  });
});
