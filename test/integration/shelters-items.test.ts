import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('shelters, pickup points and the item catalogue', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

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

  it('makes shelters outside a key’s scope look absent', async () => {
    expect((await call(t.app, 'GET', '/v1/shelters/shelter-b', { key: world.logisticsA })).status).toBe(404);
    const list = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/shelters', {
      key: world.logisticsA,
    });
    expect(list.body.items.map((s) => s.id)).toEqual(['shelter-a']);
  });

  it('patches population and capacity, and refuses an empty patch', async () => {
    const patched = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { population: 420 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ population: 420, capacity: 1000 });
    const empty = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', { key: world.admin, body: {} });
    expect(empty.status).toBe(400);
    const missing = await call(t.app, 'PATCH', '/v1/shelters/nowhere', {
      key: world.admin,
      body: { population: 1 },
    });
    expect(missing.status).toBe(404);
    const notAdmin = await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.logistics,
      body: { population: 1 },
    });
    expect(notAdmin.status).toBe(403);
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
    expect((shelter.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.capacity',
      'body.name',
      'body.population',
    ]);
    const item = await call(t.app, 'POST', '/v1/items', {
      key: world.admin,
      body: { id: 'Bad Id', name: 'x', category: 'toys', unit: 'dozen' },
    });
    expect((item.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'body.category',
      'body.id',
      'body.unit',
    ]);
  });

  it('generates a pickup point id and lists the catalogue to every role', async () => {
    const point = await call(t.app, 'POST', '/v1/shelters/shelter-a/pickup-points', {
      key: world.admin,
      body: { name: 'Back door' },
    });
    expect(point.status).toBe(201);
    expect(point.body.id).toMatch(/^pp-[0-9a-f]{10}$/);
    const items = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/items', {
      key: world.volunteer,
    });
    expect(items.body.items.map((i) => i.id)).toEqual(['blanket', 'rice', 'water']);
    const create = await call(t.app, 'POST', '/v1/items', {
      key: world.logistics,
      body: { id: 'soap', name: 'Soap', category: 'hygiene', unit: 'pack' },
    });
    expect(create.status).toBe(403);
  });
});
