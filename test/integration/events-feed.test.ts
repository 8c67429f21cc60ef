import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { FEED_SETTLE_MS } from '../../shared/usecases/read-events.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

type FeedEvent = { id: string; type: string; cursor: string; orgId?: string; data: { voucherId?: string } };
type FeedPage = { items: FeedEvent[]; nextCursor: string | null };

describe('the pull feed, GET /v1/events', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let dispatcher: LocalDispatcher;
  const ids: string[] = [];

  const feed = async (key: string, query: string) => {
    const result = await call<FeedPage>(t.app, 'GET', `/v1/events${query}`, { key });
    expect(result.status, result.text).toBe(200);
    return result.body;
  };

  /** Every event after `after`, page by page of `limit`, as a partner would poll. */
  const readAll = async (key: string, params: string, limit: number, after?: string) => {
    const events: FeedEvent[] = [];
    let cursor = after;
    for (;;) {
      const page = await feed(
        key,
        `?limit=${limit}${params}${cursor === undefined ? '' : `&after=${cursor}`}`,
      );
      events.push(...page.items);
      if (page.items.length === 0) return { events, cursor };
      cursor = page.nextCursor ?? undefined;
    }
  };

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    world = await buildVoucherWorld(t);
    ({ dispatcher } = await startTestDispatcher(t, table.endpoint));
    for (let i = 0; i < 3; i++) {
      const voucher = await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
      ids.push(voucher.id);
      const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(redeemed.status).toBe(200);
    }
    // Until the dispatcher fed all six and they settled.
    const types = '&types=voucher.issued,voucher.redeemed';
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      if ((await readAll(world.coordinator, types, 100)).events.length >= 6) break;
      await new Promise((resolve) => setTimeout(resolve, FEED_SETTLE_MS / 4));
    }
  });

  afterAll(async () => {
    await dispatcher?.stop();
  });

  it('gives the events in order, page by page, with cursors that read the same twice', async () => {
    const types = '&types=voucher.issued,voucher.redeemed';
    const { events, cursor } = await readAll(world.coordinator, types, 2);
    expect(events.map((event) => [event.type, event.data.voucherId])).toEqual(
      ids.flatMap((id) => [
        ['voucher.issued', id],
        ['voucher.redeemed', id],
      ]),
    );
    expect(new Set(events.map((event) => event.id)).size).toBe(6);
    // The same cursor, the same page; the last cursor has nothing new, and says so by staying put.
    const middle = events[1]?.cursor;
    const once = await feed(world.coordinator, `?limit=2${types}&after=${middle}`);
    const twice = await feed(world.coordinator, `?limit=2${types}&after=${middle}`);
    expect(twice).toEqual(once);
    expect(once.items.map((event) => event.id)).toEqual(events.slice(2, 4).map((event) => event.id));
    const end = await feed(world.coordinator, `?limit=2${types}&after=${cursor}`);
    expect(end).toEqual({ items: [], nextCursor: cursor });
  });

  it('filters by type', async () => {
    const { events } = await readAll(world.coordinator, '&types=voucher.redeemed', 50);
    expect(events.map((event) => event.data.voucherId)).toEqual(ids);
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(['voucher.redeemed']));
  });

  it('shows another organisation none of these voucher events, but the stock events of shelters it reaches', async () => {
    const { events } = await readAll(world.otherOrgCoordinator, '', 100);
    expect(events.filter((event) => event.type.startsWith('voucher.'))).toEqual([]);
    const own = await readAll(world.coordinator, '', 100);
    expect(own.events.filter((event) => event.type.startsWith('voucher.'))).toHaveLength(6);
    for (const event of own.events) expect(event.orgId === undefined || event.orgId === 'org-a').toBe(true);
  });

  it('refuses an unknown type and a made-up cursor with a problem that says what to send', async () => {
    const type = await call(t.app, 'GET', '/v1/events?types=voucher.eaten', { key: world.coordinator });
    expect(type.status).toBe(400);
    expect(JSON.stringify(type.body.errors)).toContain('voucher.redeemed');
    const cursor = await call(t.app, 'GET', '/v1/events?after=not-a-cursor', { key: world.coordinator });
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.body.errors)).toContain('nextCursor');
  });

  it('is not for volunteers', async () => {
    expect((await call(t.app, 'GET', '/v1/events', { key: world.volunteer })).status).toBe(403);
  });
});
