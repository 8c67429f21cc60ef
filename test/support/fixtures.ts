import { call } from './http.js';
import { type RoleKeys, roleKeys } from './roles.js';
import type { TestApp } from './test-app.js';

/**
 * A small world: two organisations, shelters A and B (confidential) with pickup points, a
 * catalogue of rice (kg), water (L) and blankets (piece), and org-a's keys of roles.ts: every
 * role, including keys scoped to shelter A and a volunteer at pickup point A1.
 */
export type World = RoleKeys;

export async function buildWorld(t: TestApp): Promise<World> {
  await t.createOrg('org-a');
  await t.createOrg('org-b');
  const admin = await t.issueKey({ role: 'admin', orgId: 'org-a' });
  const post = async (path: string, body: unknown) => {
    const result = await call(t.app, 'POST', path, { key: admin, body });
    if (result.status !== 201) throw new Error(`${path}: ${result.status} ${result.text}`);
  };
  await post('/v1/shelters', {
    id: 'shelter-a',
    name: 'Shelter A',
    province: 'Phnom Penh',
    provinceCode: 'KH-12',
    capacity: 1000,
    population: 400,
  });
  await post('/v1/shelters', {
    id: 'shelter-b',
    name: 'Shelter B',
    province: 'Kandal',
    provinceCode: 'KH-8',
    address: 'Street 1, Ta Khmau',
    capacity: 300,
    population: 120,
    confidential: true,
  });
  await post('/v1/shelters/shelter-a/pickup-points', { id: 'pp-a1', name: 'Gate' });
  await post('/v1/shelters/shelter-a/pickup-points', { id: 'pp-a2', name: 'Hall' });
  await post('/v1/shelters/shelter-b/pickup-points', { id: 'pp-b1', name: 'Yard' });
  await post('/v1/items', {
    id: 'rice',
    name: 'Rice',
    category: 'food',
    unit: 'kg',
    dailyNeedPerPerson: 0.5,
  });
  await post('/v1/items', {
    id: 'water',
    name: 'Water',
    category: 'water',
    unit: 'L',
    dailyNeedPerPerson: 15,
  });
  await post('/v1/items', { id: 'blanket', name: 'Blanket', category: 'bedding', unit: 'piece' });
  return { ...(await roleKeys(t, 'org-a')), admin };
}
