import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { stockShelter } from '../support/voucher-fixtures.js';

type FeedEvent = {
  id: string;
  type: string;
  data: { itemId: string; available: number; lowStockThreshold: number };
};

/**
 * "Low" is `available <= lowStockThreshold`, as the dashboard colours it. Stock can get there by
 * falling (a redemption, a count) or by the threshold rising past it; either way `stock.low` is
 * raised once, when it gets there, and not again while it stays there.
 */
describe('stock.low when a threshold is set at or above what is available', () => {
  let t: TestApp;
  let world: World;
  let dispatcher: LocalDispatcher;
  const published: Array<{ subject: string; message: string }> = [];

  const threshold = async (itemId: string, lowStockThreshold: number | null) => {
    const result = await call(t.app, 'PUT', `/v1/shelters/shelter-a/stock/${itemId}/threshold`, {
      key: world.logistics,
      body: { lowStockThreshold },
    });
    expect(result.status, result.text).toBe(200);
    return result.body;
  };

  const count = async (itemId: string, quantity: number) => {
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
      key: world.logistics,
      body: { lines: [{ itemId, counted: quantity }] },
    });
    expect(result.status, result.text).toBe(201);
  };

  /** Every stock.low of the feed, once `until` says the one awaited has come (the feed settles in ~2 s). */
  const lowEvents = async (until: (events: FeedEvent[]) => boolean): Promise<FeedEvent[]> => {
    const read = async () =>
      (
        await call<{ items: FeedEvent[] }>(t.app, 'GET', '/v1/events?types=stock.low&limit=200', {
          key: world.logistics,
        })
      ).body.items;
    let events = await read();
    for (const deadline = Date.now() + 15_000; !until(events) && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      events = await read();
    }
    expect(until(events), JSON.stringify(events)).toBe(true);
    return events;
  };
  const of = (events: FeedEvent[], itemId: string) => events.filter((event) => event.data.itemId === itemId);

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    world = await buildWorld(t);
    ({ dispatcher } = await startTestDispatcher(t, table.endpoint, {
      publishAlert: async (digest) => void published.push(digest),
      retryEveryMs: 3_600_000,
    }));
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 100 },
      { itemId: 'water', quantity: 1000 },
    ]);
  });

  afterAll(async () => {
    await dispatcher?.stop();
  });

  it('raises stock.low and sends a digest when the threshold is set above what is available', async () => {
    const view = await threshold('rice', 300);
    expect(view).toMatchObject({ available: 100, lowStock: true });

    const events = await lowEvents((all) => of(all, 'rice').length > 0);
    expect(of(events, 'rice')).toMatchObject([
      { type: 'stock.low', data: { itemId: 'rice', available: 100, lowStockThreshold: 300 } },
    ]);
    for (const deadline = Date.now() + 10_000; published.length === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(published[0]?.message).toContain('- Rice: below its low-stock threshold; 100 kg available');
  });

  it('raises it once: not again while stock stays at or under the threshold', async () => {
    await threshold('rice', 400); // still under
    await count('rice', 150); // a count that leaves it under
    await threshold('rice', 150); // onto the threshold: still low
    // The next balance change streams after those: once its event is in the feed, theirs would be.
    await threshold('water', 1000);

    const events = await lowEvents((all) => of(all, 'water').length > 0);
    expect(of(events, 'rice')).toHaveLength(1);
  });

  it('raises it again after stock rose above the threshold and a count left it at or under', async () => {
    await count('rice', 500); // above 150: not low any more
    await count('rice', 120); // a count at or under it: low again

    const events = await lowEvents((all) => of(all, 'rice').length > 1);
    expect(of(events, 'rice').map((event) => event.data)).toMatchObject([
      { available: 100, lowStockThreshold: 300 },
      { available: 120, lowStockThreshold: 150 },
    ]);
  });

  it('raises it when a threshold is set where nothing was ever stocked, and not when it is cleared', async () => {
    await threshold('blanket', 10);
    await threshold('blanket', null);
    await threshold('blanket', 5); // set again: a new "low"

    const events = await lowEvents((all) => of(all, 'blanket').length > 1);
    expect(of(events, 'blanket').map((event) => event.data)).toMatchObject([
      { itemId: 'blanket', available: 0, lowStockThreshold: 10 },
      { itemId: 'blanket', available: 0, lowStockThreshold: 5 },
    ]);
  });
});
