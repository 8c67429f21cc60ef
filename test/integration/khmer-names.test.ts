import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 22 §3: shelters and pickup points are named in English and Khmer, as items are. */
describe('Khmer names of shelters and pickup points', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('happy path', () => {
    it('keeps a shelter’s Khmer name from creation, reads it back and lets an admin change it', async () => {
      const created = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: {
          id: 'km-shelter',
          name: 'Takeo House',
          nameKm: 'ផ្ទះតាកែវ',
          province: 'Takeo',
          capacity: 20,
          population: 5,
        },
      });
      const seen = await call(t.app, 'GET', '/v1/shelters/km-shelter', { key: world.admin });
      const changed = await call(t.app, 'PATCH', '/v1/shelters/km-shelter', {
        key: world.admin,
        body: { nameKm: 'ផ្ទះសុវត្ថិភាពតាកែវ' },
      });

      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ name: 'Takeo House', nameKm: 'ផ្ទះតាកែវ' });
      expect(seen.body).toMatchObject({ nameKm: 'ផ្ទះតាកែវ' });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.body).toMatchObject({ name: 'Takeo House', nameKm: 'ផ្ទះសុវត្ថិភាពតាកែវ' });
    });

    it('keeps a pickup point’s Khmer name and lists it', async () => {
      const created = await call(t.app, 'POST', '/v1/shelters/shelter-a/pickup-points', {
        key: world.admin,
        body: { id: 'pp-km', name: 'Side gate', nameKm: 'ទ្វារចំហៀង' },
      });
      const listed = await call<{ items: Array<{ id: string; nameKm?: string }> }>(
        t.app,
        'GET',
        '/v1/shelters/shelter-a/pickup-points',
        { key: world.volunteer },
      );

      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ name: 'Side gate', nameKm: 'ទ្វារចំហៀង' });
      expect(listed.body.items.find((point) => point.id === 'pp-km')?.nameKm).toBe('ទ្វារចំហៀង');
    });
  });

  describe('errors', () => {
    it('refuses an empty Khmer name, naming the field, and stores nothing', async () => {
      const refused = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: { id: 'km-empty', name: 'Empty', nameKm: '  ', province: 'Takeo', capacity: 1, population: 0 },
      });
      const after = await call(t.app, 'GET', '/v1/shelters/km-empty', { key: world.admin });

      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('nameKm');
      expect(after.status).toBe(404);
    });
  });
});
