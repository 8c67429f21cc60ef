import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { queryPartition } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { stockShelter } from '../support/voucher-fixtures.js';

interface Suggestion {
  fromShelterId: string;
  toShelterId: string;
  itemId: string;
  quantity: number;
  unit: string;
  personDays: number;
  from: { daysOfCoverBefore: number | null; daysOfCoverAfter: number | null };
  to: { daysOfCoverBefore: number | null; daysOfCoverAfter: number | null };
}
interface Plan {
  targetDays: number;
  suggestions: Suggestion[];
  suggestionsTotal: number;
  trips: Array<{
    fromShelterId: string;
    toShelterId: string;
    lines: Array<{ itemId: string; quantity: number }>;
    personDays: number;
  }>;
  items: Array<Record<string, unknown> & { itemId: string }>;
  itemsWithoutDailyNeed: string[];
  shelters: Array<Record<string, unknown> & { id: string }>;
}

const plan = (t: TestApp, key: string, query = '') =>
  call<Plan>(t.app, 'GET', `/v1/plans/transfers${query}`, { key });

/**
 * buildWorld: shelter A (400 people) and shelter B (120 people, confidential, in Kandal); rice
 * 0.5 kg and water 15 L a person a day, blankets with no daily need. A holds 3,000 kg of rice
 * (15 days) and 6,000 L of water (1 day); B holds nothing.
 */
async function buildPlanWorld(t: TestApp): Promise<World> {
  const world = await buildWorld(t);
  await stockShelter(t, world.logistics, 'shelter-a', [
    { itemId: 'rice', quantity: 3000 },
    { itemId: 'water', quantity: 6000 },
    { itemId: 'blanket', quantity: 50 },
  ]);
  return world;
}

describe('the suggested transfer plan: happy path', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildPlanWorld(t);
  });

  it('suggests what shelter A can spare for shelter B to reach 7 days, with person-days and days of cover at both ends', async () => {
    const answer = await plan(t, world.logistics, '?targetDays=7');

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // B: 120 x 0.5 x 7 = 420 kg. A keeps 400 x 0.5 x 7 = 1,400 kg and spares 1,600.
    expect(answer.body.suggestions).toEqual([
      {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        itemId: 'rice',
        quantity: 420,
        unit: 'kg',
        personDays: 840,
        from: { daysOfCoverBefore: 15, daysOfCoverAfter: 12.9 },
        to: { daysOfCoverBefore: 0, daysOfCoverAfter: 7 },
      },
    ]);
    expect(answer.body.trips).toEqual([
      {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [{ itemId: 'rice', quantity: 420 }],
        personDays: 840,
      },
    ]);
    const water = answer.body.items.find((i) => i.itemId === 'water');
    // Nobody can spare water: all of it is missing, from outside the network.
    expect(water).toMatchObject({ spare: 0, moved: 0, needed: 42000 - 6000 + 12600, unmet: 48600 });
    expect(answer.body.items.find((i) => i.itemId === 'rice')).toMatchObject({
      unit: 'kg',
      shelters: 2,
      sheltersBelowTargetBefore: 1,
      sheltersBelowTargetAfter: 0,
      needed: 420,
      spare: 1600,
      moved: 420,
      unmet: 0,
      lowestDaysOfCoverBefore: 0,
      lowestDaysOfCoverAfter: 7,
    });
    expect(answer.body.itemsWithoutDailyNeed).toEqual(['blanket']);
  });

  it('keeps a confidential shelter’s location from a logistics lead, and shows it to an admin', async () => {
    const asLogistics = await plan(t, world.logistics);
    const asAdmin = await plan(t, world.admin);

    const b = (p: Plan) => p.shelters.find((s) => s.id === 'shelter-b');
    expect(b(asLogistics.body)).toEqual({
      id: 'shelter-b',
      name: 'Shelter B',
      confidential: true,
      population: 120,
    });
    expect(asLogistics.text).not.toContain('Kandal');
    expect(asLogistics.text).not.toContain('KH-8');
    expect(b(asAdmin.body)).toMatchObject({ province: 'Kandal', provinceCode: 'KH-8' });
    expect(asAdmin.body.suggestions).toEqual(asLogistics.body.suggestions);
  });

  it('plans one item when asked', async () => {
    const rice = await plan(t, world.logistics, '?itemId=rice&targetDays=30');

    expect(rice.body.items.map((i) => i.itemId)).toEqual(['rice']);
    expect(rice.body.itemsWithoutDailyNeed).toEqual([]);
    // 30 days: A needs 6,000 kg itself and spares nothing.
    expect(rice.body.suggestions).toEqual([]);
    expect(rice.body.items[0]).toMatchObject({ needed: 3000 + 1800, spare: 0, unmet: 4800 });
  });

  it('turns a trip into a transfer as it stands, then counts it as on its way until it is received', async () => {
    const before = await plan(t, world.logistics);
    const trip = before.body.trips[0];
    if (trip === undefined) throw new Error('no trip to dispatch');

    const sent = await call(t.app, 'POST', '/v1/transfers', {
      key: world.logistics,
      body: { fromShelterId: trip.fromShelterId, toShelterId: trip.toShelterId, lines: trip.lines },
    });
    expect(sent.status).toBe(201);
    const onTheRoad = await plan(t, world.logistics);
    // The 420 kg on the truck already bring B to 7 days: nothing more to send.
    expect(onTheRoad.body.suggestions).toEqual([]);
    expect(onTheRoad.body.items.find((i) => i.itemId === 'rice')).toMatchObject({
      lowestDaysOfCoverBefore: 7,
      needed: 0,
    });
    expect(await queryPartition(t.table, 'TRANSIT')).toEqual([
      expect.objectContaining({
        sk: `shelter-b#${sent.body.id}`,
        transferId: sent.body.id,
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [{ itemId: 'rice', quantity: 420 }],
      }),
    ]);

    const received = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 400, reason: 'lost' }] },
    });
    expect(received.status).toBe(200);
    expect(await queryPartition(t.table, 'TRANSIT')).toEqual([]);
    // 20 kg were lost on the way: B is short of 7 days again, and A can make it up.
    const after = await plan(t, world.logistics);
    expect(after.body.suggestions.map((s) => [s.fromShelterId, s.toShelterId, s.quantity])).toEqual([
      ['shelter-a', 'shelter-b', 20],
    ]);
    expect((await auditLedger(t.table, ['shelter-a', 'shelter-b'])).mismatches).toEqual([]);
  });

  it('lists nothing on the road for a dispatch refused for short stock', async () => {
    const refused = await call(t.app, 'POST', '/v1/transfers', {
      key: world.logistics,
      body: {
        fromShelterId: 'shelter-b',
        toShelterId: 'shelter-a',
        lines: [{ itemId: 'water', quantity: 5 }],
      },
    });

    expect(refused.status).toBe(409);
    expect(await queryPartition(t.table, 'TRANSIT')).toEqual([]);
  });
});

describe('the suggested transfer plan: errors', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  it.each([
    ['?targetDays=0', 'query.targetDays'],
    ['?targetDays=91', 'query.targetDays'],
    ['?targetDays=2.5', 'query.targetDays'],
    ['?targetDays=week', 'query.targetDays'],
    ['?limit=1001', 'query.limit'],
    ['?itemId=Rice!', 'query.itemId'],
    ['?shelterId=shelter-a', 'query.shelterId'],
  ])('refuses %s with a problem naming %s', async (query, field) => {
    const answer = await call(t.app, 'GET', `/v1/plans/transfers${query}`, { key: world.logistics });

    expect(answer.status).toBe(400);
    expect(isProblem(answer)).toBe(true);
    const fields = (answer.body as unknown as { errors: Array<{ field: string }> }).errors.map(
      (e) => e.field,
    );
    expect(fields.some((f) => f === field || f.startsWith(`${field}.`))).toBe(true);
  });

  it('answers 404 for an item not in the catalogue', async () => {
    const answer = await call(t.app, 'GET', '/v1/plans/transfers?itemId=lentils', { key: world.logistics });

    expect(answer.status).toBe(404);
    expect(isProblem(answer)).toBe(true);
  });

  it('refuses an item with no daily need per person, saying what to do', async () => {
    const answer = await plan(t, world.logistics, '?itemId=blanket');

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [{ field: 'query.itemId', message: expect.stringMatching(/no daily need per person/) }],
    });
  });
});

describe('the suggested transfer plan: who may see it', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildPlanWorld(t);
  });

  it('refuses coordinators and volunteers, and callers without a key', async () => {
    expect((await plan(t, world.coordinator)).status).toBe(403);
    expect((await plan(t, world.volunteer)).status).toBe(403);
    expect((await call(t.app, 'GET', '/v1/plans/transfers')).status).toBe(401);
  });

  it('plans a lead scoped to shelter A among its own shelters only: nothing of B’s stock, no move it could not make', async () => {
    const scoped = await plan(t, world.logisticsA, '?targetDays=7');

    expect(scoped.status).toBe(200);
    expect(scoped.body.suggestions).toEqual([]);
    expect(scoped.body.shelters).toEqual([]);
    for (const item of scoped.body.items) expect(item.shelters).toBe(1);
    // Water: only A's own shortfall (400 x 15 x 7 - 6,000), not B's.
    expect(scoped.body.items.find((i) => i.itemId === 'water')).toMatchObject({ needed: 36000 });
    expect(scoped.text).not.toContain('shelter-b');
  });

  it('plans a lead scoped to both shelters as one reaching every shelter', async () => {
    const both = await t.issueKey({
      role: 'logistics',
      orgId: 'org-a',
      scope: { shelterIds: ['shelter-a', 'shelter-b'] },
    });

    const scoped = await plan(t, both);
    const everywhere = await plan(t, world.logistics);

    expect({ ...scoped.body, generatedAt: '' }).toEqual({ ...everywhere.body, generatedAt: '' });
  });
});

describe('the suggested transfer plan: reads', () => {
  it('costs the same number of DynamoDB requests for 2 shelters as for 22', async () => {
    const t = await createTestApp();
    const world = await buildPlanWorld(t);
    let requests = 0;
    t.table.doc.middlewareStack.add(
      (next) => async (args) => {
        requests += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countPlanRequests' },
    );
    const measure = async () => {
      await call(t.app, 'GET', '/v1/me', { key: world.logistics }); // the key is cached from here on
      requests = 0;
      const answer = await plan(t, world.logistics);
      expect(answer.status).toBe(200);
      return { requests, shelters: answer.body.items[0]?.shelters };
    };

    const small = await measure();
    for (let i = 0; i < 20; i++) {
      const id = `shelter-x${i}`;
      const created = await call(t.app, 'POST', '/v1/shelters', {
        key: world.admin,
        body: { id, name: `Shelter X${i}`, province: 'Takeo', capacity: 100, population: 50 + i },
      });
      expect(created.status).toBe(201);
      await stockShelter(t, world.logistics, id, [{ itemId: 'rice', quantity: 10 * i + 1 }]);
    }
    const large = await measure();

    expect(small.shelters).toBe(2);
    expect(large.shelters).toBe(22);
    expect(large.requests).toBe(small.requests);
    // Shelters, catalogue, balances and what is on the road: one Query each at this size.
    expect(small.requests).toBe(4);

    // With 21 shelters below the target: the most urgent first, up to the limit.
    const capped = await plan(t, world.logistics, '?itemId=rice&limit=3');
    const whole = await plan(t, world.logistics, '?itemId=rice&limit=1000');
    expect(capped.body.suggestions).toEqual(whole.body.suggestions.slice(0, 3));
    expect(capped.body.suggestionsTotal).toBe(whole.body.suggestions.length);
    expect(whole.body.suggestions.length).toBeGreaterThan(3);
    const urgency = whole.body.suggestions.map((s) => s.to.daysOfCoverBefore ?? 0);
    expect(urgency).toEqual([...urgency].sort((a, b) => a - b));
    expect(capped.body.trips.flatMap((trip) => trip.lines)).toHaveLength(3);
    expect(capped.body.shelters.map((s) => s.id).sort()).toEqual(
      [...new Set(capped.body.suggestions.flatMap((s) => [s.fromShelterId, s.toShelterId]))].sort(),
    );
    expect(capped.body.items).toEqual(whole.body.items);
  });
});
