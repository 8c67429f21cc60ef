import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Field = { field: string; message: string };

describe('POST /v1/api-keys and DELETE /v1/api-keys/{id}', () => {
  let t: TestApp;
  let world: World;
  const adminKeyId = () => world.admin.split('_')[1];
  const createKey = (body: Record<string, unknown>, key = world.admin) =>
    call(t.app, 'POST', '/v1/api-keys', { key, body: { orgId: 'org-a', label: 'gate team', ...body } });

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('happy path', () => {
    it('returns the secret once and stores only its hash', async () => {
      const created = await createKey({ role: 'volunteer', scope: { pickupPointIds: ['pp-a1'] } });

      expect(created.status).toBe(201);
      const secret = created.body.apiKey as string;
      expect(secret).toMatch(/^slk_[a-z0-9]{16}_/);
      const stored = await t.deps.stores.apiKeys.get(created.body.id as string);
      expect(JSON.stringify(stored)).not.toContain(secret.split('_').slice(2).join('_'));
      expect(created.body).not.toHaveProperty('secretHash');
      expect(created.headers.get('cache-control')).toBe('no-store');
    });

    it('gives a volunteer that names pickup points the shelters of those points, and no more', async () => {
      const created = await createKey({ role: 'volunteer', scope: { pickupPointIds: ['pp-a1', 'pp-a2'] } });

      expect(created.body.scope).toEqual({ shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1', 'pp-a2'] });
    });

    it('takes "*" when an admin writes it, for a volunteer and for a coordinator', async () => {
      const volunteer = await createKey({ role: 'volunteer', scope: { pickupPointIds: '*' } });
      const coordinator = await createKey({ role: 'coordinator', scope: { shelterIds: '*' } });

      expect(volunteer.body.scope).toEqual({ shelterIds: '*', pickupPointIds: '*' });
      expect(coordinator.body.scope).toEqual({ shelterIds: '*', pickupPointIds: [] });
    });

    it('gives an admin key the whole reach without a scope', async () => {
      const created = await createKey({ role: 'admin' });

      expect(created.status).toBe(201);
      expect(created.body.scope).toEqual({ shelterIds: '*', pickupPointIds: '*' });
    });

    it('records which admin key created a key and when, and who revoked it and when', async () => {
      const created = await createKey({ role: 'logistics', scope: { shelterIds: ['shelter-b'] } });
      const revoked = await call(t.app, 'DELETE', `/v1/api-keys/${created.body.id}`, { key: world.admin });

      expect(created.body).toMatchObject({ createdBy: adminKeyId(), createdAt: expect.any(String) });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({
        createdBy: adminKeyId(),
        revokedBy: adminKeyId(),
        revokedAt: expect.any(String),
      });
      expect(await t.deps.stores.apiKeys.get(created.body.id as string)).toMatchObject({
        revokedBy: adminKeyId(),
      });
    });
  });

  describe('errors', () => {
    it('refuses a volunteer key without a scope, naming the field and what to send', async () => {
      for (const scope of [undefined, {}, { shelterIds: ['shelter-a'] }, { pickupPointIds: [] }]) {
        const result = await createKey({ role: 'volunteer', ...(scope === undefined ? {} : { scope }) });

        expect(result.status, JSON.stringify(scope)).toBe(400);
        expect(isProblem(result)).toBe(true);
        const [error] = result.body.errors as Field[];
        expect(error?.field).toBe('body.scope.pickupPointIds');
        expect(error?.message).toContain('"*"');
      }
    });

    it('refuses a coordinator or logistics key without shelters', async () => {
      for (const role of ['coordinator', 'logistics']) {
        const result = await createKey({ role, scope: { pickupPointIds: ['pp-a1'] } });

        expect(result.status).toBe(400);
        expect((result.body.errors as Field[]).map((e) => e.field)).toEqual(['body.scope.shelterIds']);
      }
    });

    it('refuses a scope on an admin key, which reaches everything anyway, saying one thing: send none', async () => {
      for (const scope of [{ shelterIds: ['shelter-a'] }, { shelterIds: '*' }, {}]) {
        const result = await createKey({ role: 'admin', scope });

        expect(result.status, JSON.stringify(scope)).toBe(400);
        expect(result.body.detail).toBe(
          'An admin key takes no scope: it reaches every shelter and pickup point.',
        );
        expect(result.body.errors as Field[]).toEqual([
          { field: 'body.scope', message: 'admin keys reach every shelter and pickup point: send no scope' },
        ]);
      }
    });

    it('says, for every other role, that the key needs an explicit scope', async () => {
      for (const role of ['volunteer', 'coordinator', 'logistics']) {
        const result = await createKey({ role });

        expect(result.status).toBe(400);
        expect(result.body.detail).toBe(`A ${role} key needs an explicit scope.`);
      }
    });

    it('refuses a scope naming a shelter or pickup point that does not exist', async () => {
      const result = await createKey({
        role: 'volunteer',
        scope: { shelterIds: ['shelter-a', 'shelter-zz'], pickupPointIds: ['pp-zz', 'pp-a1'] },
      });

      expect(result.status).toBe(400);
      expect((result.body.errors as Field[]).map((e) => e.field).sort()).toEqual([
        'body.scope.pickupPointIds.0',
        'body.scope.shelterIds.1',
      ]);
    });

    it('refuses a volunteer whose pickup point is at a shelter its shelterIds leave out', async () => {
      const result = await createKey({
        role: 'volunteer',
        scope: { shelterIds: ['shelter-b'], pickupPointIds: ['pp-b1', 'pp-a1'] },
      });

      expect(result.status).toBe(400);
      expect((result.body.errors as Field[]).map((e) => e.field)).toEqual(['body.scope.pickupPointIds.1']);
    });

    it('refuses a key for an organisation that does not exist', async () => {
      const result = await createKey({ role: 'admin', orgId: 'no-such-org' });

      expect(result.status).toBe(400);
      expect((result.body.errors as Field[])[0]?.field).toBe('body.orgId');
    });

    it('refuses to let a key revoke itself', async () => {
      const result = await call(t.app, 'DELETE', `/v1/api-keys/${adminKeyId()}`, { key: world.admin });

      expect(result.status).toBe(409);
      expect((await call(t.app, 'GET', '/v1/organizations', { key: world.admin })).status).toBe(200);
    });

    it('answers 404 when revoking a key that does not exist', async () => {
      const result = await call(t.app, 'DELETE', '/v1/api-keys/zzzzzzzzzzzzzzzz', { key: world.admin });

      expect(result.status).toBe(404);
      expect(isProblem(result)).toBe(true);
    });
  });

  describe('access', () => {
    it('lets only admins issue or revoke keys', async () => {
      const victim = (await t.issueKey({ role: 'admin', orgId: 'org-a' })).split('_')[1];
      for (const name of ['coordinator', 'logistics', 'volunteer'] as const) {
        const issued = await createKey({ role: 'admin' }, world[name]);
        const revoked = await call(t.app, 'DELETE', `/v1/api-keys/${victim}`, { key: world[name] });

        expect(issued.status, name).toBe(403);
        expect(revoked.status, name).toBe(403);
      }
    });
  });
});
