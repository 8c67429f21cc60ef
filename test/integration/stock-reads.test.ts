import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { readRecord } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Row = {
  shelterId: string;
  itemId: string;
  lowStock: boolean;
  available: number;
  daysOfCover: number | null;
};

describe('stock views, ledger and report', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    for (const [shelter, rice] of [
      ['shelter-a', 100],
      ['shelter-b', 30],
    ] as const) {
      await call(t.app, 'POST', `/v1/shelters/${shelter}/receipts`, {
        key: world.logistics,
        body: {
          source: 'd',
          lines: [
            { itemId: 'rice', quantity: rice },
            { itemId: 'blanket', quantity: 10 },
          ],
        },
      });
    }
  });

  it('filters by shelter, by item across shelters, and by category', async () => {
    const byShelter = await call<{ items: Row[] }>(t.app, 'GET', '/v1/stock?shelterId=shelter-b', {
      key: world.coordinator,
    });
    expect(byShelter.body.items.map((r) => r.itemId)).toEqual(['blanket', 'rice']);
    const byItem = await call<{ items: Row[] }>(t.app, 'GET', '/v1/stock?itemId=rice', {
      key: world.logistics,
    });
    expect(byItem.body.items.map((r) => [r.shelterId, r.available])).toEqual([
      ['shelter-a', 100],
      ['shelter-b', 30],
    ]);
    const byCategory = await call<{ items: Row[] }>(t.app, 'GET', '/v1/stock?category=bedding', {
      key: world.logistics,
    });
    expect(byCategory.body.items.every((r) => r.itemId === 'blanket')).toBe(true);
    expect(byCategory.body.items).toHaveLength(2);
    expect((await call(t.app, 'GET', '/v1/stock?shelterId=nowhere', { key: world.logistics })).status).toBe(
      404,
    );
  });

  it('pages with an opaque cursor', async () => {
    const first = await call<{ items: Row[]; nextCursor: string }>(t.app, 'GET', '/v1/stock?limit=3', {
      key: world.logistics,
    });
    expect(first.body.items).toHaveLength(3);
    const second = await call<{ items: Row[]; nextCursor: string | null }>(
      t.app,
      'GET',
      `/v1/stock?limit=3&cursor=${first.body.nextCursor}`,
      { key: world.logistics },
    );
    expect(second.body.items).toHaveLength(1);
    const bad = await call(t.app, 'GET', '/v1/stock?cursor=garbage', { key: world.logistics });
    expect(bad.status).toBe(400);
  });

  it('flags low stock at the threshold logistics set, and clears it', async () => {
    const set = await call(t.app, 'PUT', '/v1/shelters/shelter-b/stock/rice/threshold', {
      key: world.logistics,
      body: { lowStockThreshold: 50 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ lowStock: true, lowStockThreshold: 50, available: 30 });
    // Invariant 5: who set the threshold, and when, is on the balance.
    const stored = await readRecord(t.table, 'STOCK', 'shelter-b#rice');
    expect(stored).toMatchObject({ lowStockThreshold: 50, thresholdSetBy: world.logistics.split('_')[1] });
    expect(Date.parse(String(stored?.thresholdSetAt))).toBeGreaterThan(Date.now() - 60_000);
    const cleared = await call(t.app, 'PUT', '/v1/shelters/shelter-b/stock/rice/threshold', {
      key: world.logistics,
      body: { lowStockThreshold: null },
    });
    expect(cleared.body).toMatchObject({ lowStock: false, lowStockThreshold: null });
    const coordinator = await call(t.app, 'PUT', '/v1/shelters/shelter-b/stock/rice/threshold', {
      key: world.coordinator,
      body: { lowStockThreshold: 1 },
    });
    expect(coordinator.status).toBe(403);
  });

  it('shows a key scoped to one shelter only that shelter, and refuses another by id', async () => {
    const scoped = await call<{ items: Row[] }>(t.app, 'GET', '/v1/stock', { key: world.logisticsA });
    expect(new Set(scoped.body.items.map((r) => r.shelterId))).toEqual(new Set(['shelter-a']));
    expect(
      (await call(t.app, 'GET', '/v1/stock?shelterId=shelter-b', { key: world.logisticsA })).status,
    ).toBe(403);
    expect((await call(t.app, 'GET', '/v1/stock', { key: world.volunteer })).status).toBe(403);
  });

  it('reads the ledger by time range, newest first, in pages', async () => {
    const all = await call<{ items: Array<{ id: string; at: string }> }>(
      t.app,
      'GET',
      '/v1/shelters/shelter-a/movements',
      {
        key: world.logistics,
      },
    );
    expect(all.body.items).toHaveLength(1);
    const at = all.body.items[0]?.at ?? '';
    const future = await call<{ items: unknown[] }>(
      t.app,
      'GET',
      `/v1/shelters/shelter-a/movements?from=${encodeURIComponent(new Date(Date.parse(at) + 1000).toISOString())}`,
      { key: world.logistics },
    );
    expect(future.body.items).toHaveLength(0);
    const around = await call<{ items: unknown[] }>(
      t.app,
      'GET',
      `/v1/shelters/shelter-a/movements?order=desc&from=${encodeURIComponent(new Date(Date.parse(at) - 1000).toISOString())}&to=${encodeURIComponent(new Date(Date.parse(at) + 1000).toISOString())}`,
      { key: world.logistics },
    );
    expect(around.body.items).toHaveLength(1);
    expect(
      (await call(t.app, 'GET', '/v1/shelters/shelter-b/movements', { key: world.logisticsA })).status,
    ).toBe(403);
  });

  it('exports CSV with an HXL row, hiding confidential locations from everyone but admins', async () => {
    const asLogistics = await call(t.app, 'GET', '/v1/reports/stock.csv', { key: world.logistics });
    expect(asLogistics.status).toBe(200);
    expect(asLogistics.headers.get('content-type')).toContain('text/csv');
    const lines = asLogistics.text.trim().split('\r\n');
    expect(lines[0]).toContain('Shelter id');
    expect(lines[1]?.split(',')).toContain('#item +code');
    expect(lines[1]?.startsWith('#date +reported,#org +name,#loc +code')).toBe(true);
    expect(lines.slice(2)).toHaveLength(4);
    expect(asLogistics.text).not.toContain('Kandal');
    expect(asLogistics.text).toContain('Phnom Penh');
    const asAdmin = await call(t.app, 'GET', '/v1/reports/stock.csv', { key: world.admin });
    expect(asAdmin.text).toContain('Kandal');
  });
});
