import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Field = { field: string };

describe('shelters, pickup points and the item catalogue', () => {
  let t: TestApp;
  let world: World;
  const keyIdOf = (key: string) => key.split('_')[1];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('happy path', () => {
    it('patches population and capacity', async () => {
      const patched = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
        key: world.admin,
        body: { population: 420 },
      });

      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ population: 420, capacity: 1000 });
    });

    it('generates a pickup point id and lists the catalogue to every role', async () => {
      const point = await call(t.app, 'POST', '/v1/shelters/shelter-a/pickup-points', {
        key: world.admin,
        body: { name: 'Back door' },
      });
      const items = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/items', {
        key: world.volunteer,
      });

      expect(point.status).toBe(201);
      expect(point.body.id).toMatch(/^pp-[0-9a-f]{10}$/);
      expect(items.body.items.map((i) => i.id)).toEqual(['blanket', 'rice', 'water']);
    });

    it('records which key created a shelter, pickup point and item, and which changed a shelter last', async () => {
      const otherAdmin = await t.issueKey({ role: 'admin', orgId: 'org-b' });
      const shelter = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: { id: 'shelter-new', name: 'New', province: 'Takeo', capacity: 10, population: 1 },
      });
      const point = await call(t.app, 'POST', '/v1/shelters/shelter-new/pickup-points', {
        key: world.admin,
        body: { id: 'pp-new', name: 'Door' },
      });
      const item = await call(t.app, 'POST', '/v1/items', {
        key: world.admin,
        body: { id: 'soap', name: 'Soap', category: 'hygiene', unit: 'pack' },
      });
      const changed = await call(t.app, 'PATCH', '/v1/shelters/shelter-new', {
        key: otherAdmin,
        body: { population: 2 },
      });

      const by = keyIdOf(world.admin);
      expect(shelter.body).toMatchObject({ createdBy: by, updatedBy: by, createdAt: expect.any(String) });
      expect(point.body).toMatchObject({ createdBy: by, createdAt: expect.any(String) });
      expect(item.body).toMatchObject({ createdBy: by, createdAt: expect.any(String) });
      expect(changed.body).toMatchObject({ createdBy: by, updatedBy: keyIdOf(otherAdmin) });
      expect(changed.body.updatedAt).not.toBe(changed.body.createdAt);
      expect(await t.deps.stores.shelters.get('shelter-new')).toMatchObject({
        updatedBy: keyIdOf(otherAdmin),
      });
    });
  });

  describe('errors', () => {
    it('refuses an empty patch, and a patch of a shelter that does not exist', async () => {
      const empty = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', { key: world.admin, body: {} });
      const missing = await call(t.app, 'PATCH', '/v1/shelters/nowhere', {
        key: world.admin,
        body: { population: 1 },
      });

      expect(empty.status).toBe(400);
      expect(missing.status).toBe(404);
    });

    it('answers 409 on a duplicate shelter, pickup point or item id', async () => {
      const shelter = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: { id: 'shelter-a', name: 'Again', province: 'Phnom Penh', capacity: 1, population: 1 },
      });
      const point = await call(t.app, 'POST', '/v1/shelters/shelter-a/pickup-points', {
        key: world.admin,
        body: { id: 'pp-a1', name: 'x' },
      });
      const item = await call(t.app, 'POST', '/v1/items', {
        key: world.admin,
        body: { id: 'rice', name: 'Rice again', category: 'food', unit: 'kg' },
      });

      for (const result of [shelter, point, item]) {
        expect(result.status).toBe(409);
        expect(isProblem(result)).toBe(true);
      }
    });

    it('names each invalid field of a shelter and an item', async () => {
      const shelter = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: { name: '', province: 'Phnom Penh', capacity: -1, population: 1.5 },
      });
      const item = await call(t.app, 'POST', '/v1/items', {
        key: world.admin,
        body: { id: 'Bad Id', name: 'x', category: 'toys', unit: 'dozen' },
      });

      expect((shelter.body.errors as Field[]).map((e) => e.field).sort()).toEqual([
        'body.capacity',
        'body.name',
        'body.population',
      ]);
      expect((item.body.errors as Field[]).map((e) => e.field).sort()).toEqual([
        'body.category',
        'body.id',
        'body.unit',
      ]);
    });
  });

  describe('access', () => {
    it('hides a confidential shelter’s location from everyone but admins', async () => {
      const asAdmin = await call(t.app, 'GET', '/v1/shelters/shelter-b', { key: world.admin });
      expect(asAdmin.body).toMatchObject({ province: 'Kandal', address: 'Street 1, Ta Khmau' });
      for (const key of [world.logistics, world.coordinator]) {
        const other = await call(t.app, 'GET', '/v1/shelters/shelter-b', { key });
        expect(other.status).toBe(200);
        expect(other.body).not.toHaveProperty('province');
        expect(other.body).not.toHaveProperty('address');
        expect(JSON.stringify(other.body)).not.toContain('Kandal');
      }
      const list = await call(t.app, 'GET', '/v1/shelters', { key: world.coordinator });
      expect(list.text).not.toContain('Kandal');
    });

    it('shows who created or changed a record to admins only', async () => {
      const admin = keyIdOf(world.admin) as string;
      for (const path of [
        '/v1/shelters/shelter-a',
        '/v1/items/rice',
        '/v1/shelters/shelter-a/pickup-points',
      ]) {
        const asAdmin = await call(t.app, 'GET', path, { key: world.admin });
        const asLogistics = await call(t.app, 'GET', path, { key: world.logistics });

        expect(asAdmin.text, path).toContain(admin);
        expect(asLogistics.status, path).toBe(200);
        expect(asLogistics.text, path).not.toContain(admin);
        expect(asLogistics.text, path).not.toContain('createdBy');
      }
    });

    it('makes shelters outside a key’s scope look absent', async () => {
      const one = await call(t.app, 'GET', '/v1/shelters/shelter-b', { key: world.logisticsA });
      const list = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/shelters', {
        key: world.logisticsA,
      });

      expect(one.status).toBe(404);
      expect(list.body.items.map((s) => s.id)).toEqual(['shelter-a']);
    });

    it('lets only admins create or change shelters, pickup points and items', async () => {
      const writes = [
        ['PATCH', '/v1/shelters/shelter-a', { population: 1 }],
        ['POST', '/v1/shelters', { name: 'X', province: 'Kandal', capacity: 1, population: 1 }],
        ['POST', '/v1/shelters/shelter-a/pickup-points', { name: 'x' }],
        ['POST', '/v1/items', { id: 'soap-2', name: 'Soap', category: 'hygiene', unit: 'pack' }],
      ] as const;
      for (const [method, path, body] of writes) {
        for (const key of [world.logistics, world.coordinator, world.volunteer]) {
          expect((await call(t.app, method, path, { key, body })).status, `${method} ${path}`).toBe(403);
        }
      }
    });
  });
});
