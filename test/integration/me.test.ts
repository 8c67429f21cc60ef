import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('GET /v1/me', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.createOrg('org-a');
  });

  describe('happy path', () => {
    it('tells a volunteer key its role, organisation and pickup points', async () => {
      const key = await t.createKey('volunteer', 'org-a', {
        shelterIds: ['shelter-a'],
        pickupPointIds: ['pp-a1'],
      });

      const me = await call(t.app, 'GET', '/v1/me', { key });

      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        keyId: expect.any(String),
        role: 'volunteer',
        orgId: 'org-a',
        scope: { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] },
      });
      expect(key).toContain(`_${(me.body as { keyId: string }).keyId}_`);
      expect(me.headers.get('cache-control')).toBe('no-store');
    });

    it('answers every role, with the whole reach shown as "*"', async () => {
      for (const role of ['admin', 'coordinator', 'logistics'] as const) {
        const me = await call(t.app, 'GET', '/v1/me', { key: await t.createKey(role, 'org-a') });
        expect(me.body).toMatchObject({ role, scope: { shelterIds: '*', pickupPointIds: '*' } });
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
