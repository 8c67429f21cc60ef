import { beforeAll, describe, expect, it } from 'vitest';
import { KeyCache } from '../../shared/auth/key-cache.js';
import { createApp } from '../../shared/http/app.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('API key authentication', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.createOrg('org-a');
    admin = await t.issueKey({ role: 'admin', orgId: 'org-a' });
    coordinator = await t.issueKey({ role: 'coordinator', orgId: 'org-a', scope: { shelterIds: '*' } });
  });

  describe('happy path', () => {
    it('admits a known key of an allowed role', async () => {
      expect((await call(t.app, 'GET', '/v1/organizations', { key: admin })).status).toBe(200);
    });
  });

  describe('errors', () => {
    it('answers 401 without a key', async () => {
      const result = await call(t.app, 'GET', '/v1/organizations');
      expect(result.status).toBe(401);
      expect(isProblem(result)).toBe(true);
      expect(result.headers.get('www-authenticate')).toBe('Bearer realm="supplyline"');
    });

    it('answers 401 for a key it does not know, whether malformed or well-formed', async () => {
      const unknown = `slk_${'a'.repeat(16)}_${'b'.repeat(43)}`;
      for (const key of ['nonsense', unknown, `${admin.slice(0, -1)}x`]) {
        const result = await call(t.app, 'GET', '/v1/organizations', { key });
        expect(result.status).toBe(401);
        expect(isProblem(result)).toBe(true);
      }
    });
  });

  describe('access', () => {
    it('answers 403 for a key of the wrong role', async () => {
      const result = await call(t.app, 'GET', '/v1/organizations', { key: coordinator });
      expect(result.status).toBe(403);
      expect(isProblem(result)).toBe(true);
    });

    it('stops accepting a revoked key at once on the revoking instance', async () => {
      const victim = await t.issueKey({ role: 'admin', orgId: 'org-a' });
      expect((await call(t.app, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
      const revoked = await call(t.app, 'DELETE', `/v1/api-keys/${victim.split('_')[1]}`, { key: admin });
      expect(revoked.status).toBe(200);
      const after = await call(t.app, 'GET', '/v1/organizations', { key: victim });
      expect(after.status).toBe(401);
      expect(isProblem(after)).toBe(true);
    });

    it('stops accepting a revoked key on another instance once its cache entry expires', async () => {
      let clock = 0;
      const otherInstance = createApp({ ...t.deps, keyCache: new KeyCache(30_000, () => clock) });
      const victim = await t.issueKey({ role: 'admin', orgId: 'org-a' });
      expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
      await call(t.app, 'DELETE', `/v1/api-keys/${victim.split('_')[1]}`, { key: admin });

      clock = 29_000;
      expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
      clock = 30_001;
      expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(401);
    });
  });
});
