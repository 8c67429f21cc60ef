import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('GET /v1/me', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('happy path', () => {
    it('tells a volunteer key its role, organisation, pickup points and their shelter', async () => {
      const me = await call(t.app, 'GET', '/v1/me', { key: world.volunteer });

      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        keyId: expect.any(String),
        role: 'volunteer',
        orgId: 'org-a',
        scope: { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] },
      });
      expect(world.volunteer).toContain(`_${(me.body as { keyId: string }).keyId}_`);
      expect(me.headers.get('cache-control')).toBe('no-store');
    });

    it('shows each role the reach its key was given, "*" only where an admin wrote it', async () => {
      const expected = {
        admin: { shelterIds: '*', pickupPointIds: '*' },
        coordinator: { shelterIds: '*', pickupPointIds: [] },
        logisticsA: { shelterIds: ['shelter-a'], pickupPointIds: [] },
      } as const;
      for (const [name, scope] of Object.entries(expected)) {
        const me = await call(t.app, 'GET', '/v1/me', { key: world[name as keyof typeof expected] });
        expect(me.body.scope, name).toEqual(scope);
      }
    });
  });

  describe('errors', () => {
    it('refuses a request without a key (401 problem)', async () => {
      const me = await call(t.app, 'GET', '/v1/me');
      expect(me.status).toBe(401);
      expect(isProblem(me)).toBe(true);
    });

    it('refuses an unknown key (401 problem)', async () => {
      const me = await call(t.app, 'GET', '/v1/me', { key: `slk_0000000000000000_${'A'.repeat(43)}` });
      expect(me.status).toBe(401);
      expect(isProblem(me)).toBe(true);
    });
  });
});
