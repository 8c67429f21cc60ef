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
    admin = await t.createKey('admin', 'org-a');
    coordinator = await t.createKey('coordinator', 'org-a');
  });

  it('answers 401 without a key', async () => {
    const result = await call(t.app, 'GET', '/v1/organizations');
    expect(result.status).toBe(401);
    expect(isProblem(result)).toBe(true);
    expect(result.headers.get('www-authenticate')).toBe('Bearer realm="supplyline"');
  });

  it('refuses to let a key revoke itself', async () => {
    const result = await call(t.app, 'DELETE', `/v1/api-keys/${admin.split('_')[1]}`, { key: admin });
    expect(result.status).toBe(409);
    expect((await call(t.app, 'GET', '/v1/organizations', { key: admin })).status).toBe(200);
  });

  it('answers 401 for a key it does not know, whether malformed or well-formed', async () => {
    const unknown = `slk_${'a'.repeat(16)}_${'b'.repeat(43)}`;
    for (const key of ['nonsense', unknown, `${admin.slice(0, -1)}x`]) {
      const result = await call(t.app, 'GET', '/v1/organizations', { key });
      expect(result.status).toBe(401);
      expect(isProblem(result)).toBe(true);
    }
  });

  it('answers 403 for a key of the wrong role', async () => {
    const result = await call(t.app, 'GET', '/v1/organizations', { key: coordinator });
    expect(result.status).toBe(403);
    expect(isProblem(result)).toBe(true);
  });

  it('issues a key whose secret is returned once and stored only as a hash', async () => {
    const created = await call(t.app, 'POST', '/v1/api-keys', {
      key: admin,
      body: { role: 'volunteer', orgId: 'org-a', label: 'gate team', scope: { pickupPointIds: ['pp-1'] } },
    });
    expect(created.status).toBe(201);
    const secret = created.body.apiKey as string;
    expect(secret).toMatch(/^slk_[a-z0-9]{16}_/);
    const stored = await t.deps.stores.apiKeys.get(created.body.id as string);
    expect(JSON.stringify(stored)).not.toContain(secret.split('_').slice(2).join('_'));
    expect(stored?.scope).toEqual({ shelterIds: '*', pickupPointIds: ['pp-1'] });
    expect(created.body).not.toHaveProperty('secretHash');
  });

  it('refuses a key for an organisation that does not exist', async () => {
    const result = await call(t.app, 'POST', '/v1/api-keys', {
      key: admin,
      body: { role: 'admin', orgId: 'no-such-org', label: 'x' },
    });
    expect(result.status).toBe(400);
    expect((result.body.errors as Array<{ field: string }>)[0]?.field).toBe('body.orgId');
  });

  it('stops accepting a revoked key at once on the revoking instance', async () => {
    const victim = await t.createKey('admin', 'org-a');
    expect((await call(t.app, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
    const keyId = victim.split('_')[1] ?? '';
    const revoked = await call(t.app, 'DELETE', `/v1/api-keys/${keyId}`, { key: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await call(t.app, 'GET', '/v1/organizations', { key: victim });
    expect(after.status).toBe(401);
    expect(isProblem(after)).toBe(true);
  });

  it('stops accepting a revoked key on another instance once its cache entry expires', async () => {
    let clock = 0;
    const otherInstance = createApp({ ...t.deps, keyCache: new KeyCache(30_000, () => clock) });
    const victim = await t.createKey('admin', 'org-a');
    expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
    await call(t.app, 'DELETE', `/v1/api-keys/${victim.split('_')[1]}`, { key: admin });

    clock = 29_000;
    expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(200);
    clock = 30_001;
    expect((await call(otherInstance, 'GET', '/v1/organizations', { key: victim })).status).toBe(401);
  });

  it('answers 404 when revoking a key that does not exist', async () => {
    const result = await call(t.app, 'DELETE', '/v1/api-keys/zzzzzzzzzzzzzzzz', { key: admin });
    expect(result.status).toBe(404);
    expect(isProblem(result)).toBe(true);
  });

  it('lets only admins manage keys', async () => {
    const result = await call(t.app, 'POST', '/v1/api-keys', {
      key: coordinator,
      body: { role: 'admin', orgId: 'org-a', label: 'escalation' },
    });
    expect(result.status).toBe(403);
  });
});
