import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

type Report = {
  day: string;
  orgId: string;
  utcOffsetMinutes: number;
  shelters: Array<{ shelterId: string; issued: number; redeemed: number }>;
};

const DAY = 86_400_000;

describe('GET /v1/reports/vouchers-today', () => {
  let t: TestApp;
  let world: World;
  let otherOrgCoordinator: string;

  const redeem = async (app: TestApp['app'], code: string) => {
    const result = await call(app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code, pickupPointId: 'pp-a1' },
    });
    if (result.status !== 200) throw new Error(`redeem: ${result.text}`);
  };
  const report = (key: string, query = '') =>
    call<Report>(t.app, 'GET', `/v1/reports/vouchers-today${query}`, { key });

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    otherOrgCoordinator = await t.createKey('coordinator', 'org-b');
    const stock = [
      { itemId: 'rice', quantity: 200 },
      { itemId: 'water', quantity: 1000 },
      { itemId: 'blanket', quantity: 40 },
    ];
    await stockShelter(t, world.logistics, 'shelter-a', stock);
    await stockShelter(t, world.logistics, 'shelter-b', stock);

    // Yesterday: issued and redeemed, so neither counts today.
    const yesterday = await createTestApp({
      table: t.table,
      deps: { now: () => new Date(Date.now() - DAY) },
    });
    await redeem(yesterday.app, (await issue(yesterday, world.coordinator)).code);

    // Today: org-a issues three at shelter A (two redeemed) and one at shelter B; org-b issues
    // one at shelter A, redeemed by org-a's volunteer.
    const todays = [
      await issue(t, world.coordinator),
      await issue(t, world.coordinator),
      await issue(t, world.coordinator),
    ];
    await issue(t, world.coordinator, { shelterId: 'shelter-b' });
    const otherOrgs = await issue(t, otherOrgCoordinator);
    for (const voucher of [todays[0], todays[1], otherOrgs]) await redeem(t.app, voucher?.code ?? '');
  });

  describe('happy path', () => {
    it('counts today’s vouchers per shelter: issued by the caller’s organisation, redeemed by anyone’s', async () => {
      const result = await report(world.logistics, '?utcOffsetMinutes=0');

      expect(result.status).toBe(200);
      expect(result.body.orgId).toBe('org-a');
      expect(result.body.day).toBe(new Date().toISOString().slice(0, 10));
      expect(result.body.shelters).toEqual([
        { shelterId: 'shelter-a', issued: 3, redeemed: 3 },
        { shelterId: 'shelter-b', issued: 1, redeemed: 0 },
      ]);
    });

    it('narrows to one shelter', async () => {
      const result = await report(world.logistics, '?shelterId=shelter-b&utcOffsetMinutes=0');

      expect(result.body.shelters).toEqual([{ shelterId: 'shelter-b', issued: 1, redeemed: 0 }]);
    });

    it('means the day in Cambodia unless told otherwise', async () => {
      const result = await report(world.logistics);

      expect(result.body.utcOffsetMinutes).toBe(420);
      expect(result.body.day).toBe(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
    });

    it('shows a key scoped to one shelter only that shelter', async () => {
      const result = await report(world.logisticsA, '?utcOffsetMinutes=0');

      expect(result.body.shelters.map((row) => row.shelterId)).toEqual(['shelter-a']);
    });
  });

  describe('errors', () => {
    it('answers 404 for an unknown shelter', async () => {
      const result = await report(world.logistics, '?shelterId=nowhere');
      expect(result.status).toBe(404);
      expect(isProblem(result)).toBe(true);
    });

    it('refuses an offset no time zone has (400 naming the field)', async () => {
      const result = await report(world.logistics, '?utcOffsetMinutes=900');
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.body)).toContain('query.utcOffsetMinutes');
    });
  });

  describe('access control', () => {
    it('refuses a shelter outside the key’s scope (403)', async () => {
      const result = await report(world.logisticsA, '?shelterId=shelter-b');
      expect(result.status).toBe(403);
    });

    it.each(['volunteer', 'coordinator'] as const)('refuses a %s key (403)', async (role) => {
      const result = await report(world[role]);
      expect(result.status).toBe(403);
      expect(isProblem(result)).toBe(true);
    });
  });
});
