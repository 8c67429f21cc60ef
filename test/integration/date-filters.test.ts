import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

/**
 * Date filters take a plain date as a person writes it. One receipt and one voucher are made at
 * 2026-03-01T18:30Z: still 1 March in UTC, already 01:30 on 2 March in Phnom Penh.
 */
describe('date filters', () => {
  const at = new Date('2026-03-01T18:30:00Z');
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    const then = await createTestApp({ table: t.table, deps: { now: () => at } });
    await stockShelter(then, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 50 },
      { itemId: 'water', quantity: 300 },
      { itemId: 'blanket', quantity: 5 },
    ]);
    await issue(then, world.coordinator);
  });

  const count = async (key: string, path: string) => {
    const result = await call<{ items: unknown[] }>(t.app, 'GET', path, { key });
    expect(result.status, result.text).toBe(200);
    return result.body.items.length;
  };

  it('reads a shelter’s ledger by calendar day in Cambodia (UTC+07:00)', async () => {
    const ledger = (query: string) => count(world.logistics, `/v1/shelters/shelter-a/movements?${query}`);

    expect(await ledger('from=2026-03-02&to=2026-03-02')).toBe(1);
    expect(await ledger('from=2026-03-01&to=2026-03-01')).toBe(0);
    expect(await ledger('to=2026-03-01')).toBe(0);
    expect(await ledger('from=2026-03-03')).toBe(0);
    // A date-time with its offset still means exactly that instant.
    expect(await ledger(`from=${encodeURIComponent('2026-03-02T01:30:00+07:00')}`)).toBe(1);
  });

  it('reads vouchers by issue date in UTC, as it always has, and takes a date-time too', async () => {
    const vouchers = (query: string) => count(world.coordinator, `/v1/vouchers?${query}`);

    expect(await vouchers('issuedFrom=2026-03-01&issuedTo=2026-03-01')).toBe(1);
    expect(await vouchers('issuedFrom=2026-03-02&issuedTo=2026-03-02')).toBe(0);
    expect(await vouchers('issuedFrom=2026-03-01T18:30:00Z&issuedTo=2026-03-01T18:30:00.000Z')).toBe(1);
  });

  it('says what to send for a date it cannot read, and refuses a range that ends before it starts', async () => {
    const unreadable = await call(t.app, 'GET', '/v1/shelters/shelter-a/movements?from=01/03/2026', {
      key: world.logistics,
    });
    const reversed = await call(
      t.app,
      'GET',
      '/v1/shelters/shelter-a/movements?from=2026-03-02&to=2026-03-01',
      {
        key: world.logistics,
      },
    );

    expect(unreadable.status).toBe(400);
    expect(unreadable.body.errors).toEqual([
      {
        field: 'query.from',
        message: 'send a date (2026-03-01) or a date-time with offset (2026-03-01T08:00:00+07:00)',
      },
    ]);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'query.from', message: 'must not be after `to`' }]);
  });
});
