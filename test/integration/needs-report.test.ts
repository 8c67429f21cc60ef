import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { stockShelter } from '../support/voucher-fixtures.js';

interface Row {
  shelterId: string;
  itemId: string;
  needed: number;
  available: number;
  inTransit: number;
  daysOfCover: number | null;
  personDays: number;
}
interface Report {
  date: string;
  targetDays: number;
  rows: Row[];
  itemsWithoutDailyNeed: string[];
  shelters: Array<Record<string, unknown> & { id: string }>;
}

const parseCsv = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

/**
 * buildWorld's shelters: A (400 people) holds 3,000 kg of rice (15 days) and 6,000 L of water;
 * B (120 people, confidential, in Kandal) holds 100 kg of rice, and 200 kg more are on their way.
 */
describe('the needs report for donors', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 3000 },
      { itemId: 'water', quantity: 6000 },
    ]);
    await stockShelter(t, world.logistics, 'shelter-b', [{ itemId: 'rice', quantity: 100 }]);
    const sent = await call(t.app, 'POST', '/v1/transfers', {
      key: world.logistics,
      body: {
        fromShelterId: 'shelter-a',
        toShelterId: 'shelter-b',
        lines: [{ itemId: 'rice', quantity: 200 }],
      },
    });
    if (sent.status !== 201) throw new Error(sent.text);
  });

  it('says per shelter and item what is missing to reach N days, counting what is on its way', async () => {
    const report = await call<Report>(t.app, 'GET', '/v1/reports/needs?targetDays=10', {
      key: world.logistics,
    });

    expect(report.status).toBe(200);
    expect(report.body.targetDays).toBe(10);
    expect(report.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A: rice 2,800 kg is 14 days, nothing missing; water 400 x 15 x 10 - 6,000.
    // B: rice 120 x 0.5 x 10 - 100 - 200 on the road; water 120 x 15 x 10.
    expect(report.body.rows).toEqual([
      {
        shelterId: 'shelter-a',
        itemId: 'water',
        unit: 'L',
        population: 400,
        dailyNeedPerPerson: 15,
        available: 6000,
        inTransit: 0,
        daysOfCover: 1,
        needed: 54000,
        personDays: 3600,
      },
      {
        shelterId: 'shelter-b',
        itemId: 'rice',
        unit: 'kg',
        population: 120,
        dailyNeedPerPerson: 0.5,
        available: 100,
        inTransit: 200,
        daysOfCover: 5,
        needed: 300,
        personDays: 600,
      },
      {
        shelterId: 'shelter-b',
        itemId: 'water',
        unit: 'L',
        population: 120,
        dailyNeedPerPerson: 15,
        available: 0,
        inTransit: 0,
        daysOfCover: 0,
        needed: 18000,
        personDays: 1200,
      },
    ]);
    expect(report.body.itemsWithoutDailyNeed).toEqual(['blanket']);
  });

  it('answers CSV with an HXL hashtag row under the header, confidential locations to admins only', async () => {
    const asLogistics = await call(t.app, 'GET', '/v1/reports/needs.csv?targetDays=10', {
      key: world.logistics,
    });
    const asAdmin = await call(t.app, 'GET', '/v1/reports/needs.csv?targetDays=10', { key: world.admin });

    expect(asLogistics.status).toBe(200);
    expect(asLogistics.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(asLogistics.headers.get('content-disposition')).toMatch(
      /^attachment; filename="supplyline-needs-10-days-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, hxl, ...rows] = parseCsv(asLogistics.text);
    expect(header).toContain('Needed');
    expect(hxl).toHaveLength(header?.length ?? 0);
    expect(hxl?.every((tag) => /^#[a-z][a-z0-9_]*( \+[a-z][a-z0-9_]*)*$/.test(tag))).toBe(true);
    expect(hxl?.slice(0, 4)).toEqual(['#date +reported', '#org +name', '#loc +code', '#loc +name']);
    const column = (tag: string) => hxl?.indexOf(tag) ?? -1;
    expect(
      rows.map((row) => [
        row[column('#loc +code')],
        row[column('#item +code')],
        row[column('#output +num +needed')],
      ]),
    ).toEqual([
      ['shelter-a', 'water', '54000'],
      ['shelter-b', 'rice', '300'],
      ['shelter-b', 'water', '18000'],
    ]);
    expect(rows[1]?.[column('#indicator +num +stock +in_transit')]).toBe('200');
    expect(rows[0]?.[column('#adm1 +name')]).toBe('Phnom Penh');
    expect(rows[1]?.[column('#adm1 +name')]).toBe('');
    expect(asLogistics.text).not.toContain('Kandal');
    expect(asAdmin.text).toContain('Kandal');
    expect(asAdmin.text).toContain('KH-8');
  });

  it('hides the confidential shelter’s location in the JSON too, for every role but admin', async () => {
    for (const key of [world.logistics, world.coordinator]) {
      const report = await call<Report>(t.app, 'GET', '/v1/reports/needs', { key });
      expect(report.status).toBe(200);
      expect(report.body.shelters.find((s) => s.id === 'shelter-b')).toEqual({
        id: 'shelter-b',
        name: 'Shelter B',
        confidential: true,
        population: 120,
      });
    }
    const asAdmin = await call<Report>(t.app, 'GET', '/v1/reports/needs', { key: world.admin });
    expect(asAdmin.body.shelters.find((s) => s.id === 'shelter-b')).toMatchObject({ province: 'Kandal' });
  });

  it('shows a key scoped to shelter A only shelter A, in JSON and CSV', async () => {
    for (const key of [world.logisticsA, world.coordinatorA]) {
      const json = await call<Report>(t.app, 'GET', '/v1/reports/needs?targetDays=10', { key });
      const csv = await call(t.app, 'GET', '/v1/reports/needs.csv?targetDays=10', { key });
      expect(json.body.rows.map((row) => row.shelterId)).toEqual(['shelter-a']);
      expect(csv.text).not.toContain('shelter-b');
    }
  });

  it('refuses volunteers, bad targets and items with no daily need, and answers 404 for an unknown item', async () => {
    expect((await call(t.app, 'GET', '/v1/reports/needs', { key: world.volunteer })).status).toBe(403);
    expect((await call(t.app, 'GET', '/v1/reports/needs.csv', { key: world.volunteer })).status).toBe(403);
    const zero = await call(t.app, 'GET', '/v1/reports/needs.csv?targetDays=0', { key: world.logistics });
    expect(zero.status).toBe(400);
    expect(isProblem(zero)).toBe(true);
    expect(zero.body).toMatchObject({ errors: [{ field: 'query.targetDays' }] });
    const blanket = await call(t.app, 'GET', '/v1/reports/needs?itemId=blanket', { key: world.logistics });
    expect(blanket.body).toMatchObject({ errors: [{ field: 'query.itemId' }] });
    expect(
      (await call(t.app, 'GET', '/v1/reports/needs?itemId=lentils', { key: world.logistics })).status,
    ).toBe(404);
  });

  it('lists a shelter that never held the item, and none once every shelter reaches the target', async () => {
    const water = await call<Report>(t.app, 'GET', '/v1/reports/needs?itemId=water&targetDays=1', {
      key: world.logistics,
    });
    const rice = await call<Report>(t.app, 'GET', '/v1/reports/needs?itemId=rice&targetDays=1', {
      key: world.logistics,
    });

    expect(water.body.rows.map((row) => [row.shelterId, row.needed])).toEqual([['shelter-b', 1800]]);
    expect(rice.body.rows).toEqual([]);
    expect(rice.body.shelters).toEqual([]);
  });
});
