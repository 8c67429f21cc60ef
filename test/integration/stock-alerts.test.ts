import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import type { DispatchDeps } from '../../shared/usecases/dispatch-events.js';
import { sendDueAlertDigests } from '../../shared/usecases/stock-alerts.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

describe('stock alerts for logistics leads: one digest per shelter per hour', () => {
  let t: TestApp;
  let world: World;
  let deps: DispatchDeps;
  let dispatcher: LocalDispatcher;
  const published: Array<{ subject: string; message: string }> = [];

  const waitForDigests = async (count: number) => {
    for (const deadline = Date.now() + 10_000; published.length < count; ) {
      if (Date.now() > deadline) throw new Error(`expected ${count} digest(s), got ${published.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    world = await buildWorld(t);
    ({ deps, dispatcher } = await startTestDispatcher(t, table.endpoint, {
      publishAlert: async (digest) => void published.push(digest),
      // The schedule's pass is run by hand below, on a later clock.
      retryEveryMs: 3_600_000,
    }));
    // Shelter A: 400 people, rice at 0.5 kg a day each, so 200 kg a day; 1,000 kg is 5 days.
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 1000 },
      { itemId: 'blanket', quantity: 2 },
    ]);
    const threshold = await call(t.app, 'PUT', '/v1/shelters/shelter-a/stock/rice/threshold', {
      key: world.logistics,
      body: { lowStockThreshold: 300 },
    });
    expect(threshold.status).toBe(200);
  });

  afterAll(async () => {
    await dispatcher?.stop();
  });

  it('sends a digest at once, naming the shelter, the item, what is available and the days of cover', async () => {
    // 1,000 -> 500 kg: 2.5 days, below the default 3 days of cover.
    await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 500 }] });
    await waitForDigests(1);
    expect(published[0]?.subject).toBe('Supplyline stock alert: Shelter A');
    expect(published[0]?.message).toContain(
      '- Rice: running short of days of cover; 500 kg available, 2.5 days of cover',
    );
  });

  it('holds what comes within the hour for the next digest, then sends it together', async () => {
    // 500 -> 250 kg: through the threshold of 300; blankets 2 -> 0: out.
    await issue(t, world.coordinator, {
      beneficiaryRef: 'HH-ALERT-2',
      lines: [
        { itemId: 'rice', quantity: 250 },
        { itemId: 'blanket', quantity: 2 },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(published).toHaveLength(1);
    expect(await sendDueAlertDigests({ ...deps, now: () => new Date(Date.now() + 30 * 60_000) })).toEqual({
      sent: 0,
    });
    expect(await sendDueAlertDigests({ ...deps, now: () => new Date(Date.now() + 61 * 60_000) })).toEqual({
      sent: 1,
    });
    expect(published).toHaveLength(2);
    const message = published[1]?.message ?? '';
    expect(message).toContain('- Rice: below its low-stock threshold; 250 kg available, 1.2 days of cover');
    expect(message).toContain('- Blanket: out of stock; 0 piece available, days of cover unknown');
    expect(message).not.toContain('running short');
    // Nothing waits now: the next pass sends nothing.
    expect(await sendDueAlertDigests({ ...deps, now: () => new Date(Date.now() + 3 * 3_600_000) })).toEqual({
      sent: 0,
    });
  });

  it('tells stock.cover-low in the feed too, ids and numbers only', async () => {
    // The feed shows an event once it has settled (FEED_SETTLE_MS): poll as a partner would.
    const read = () =>
      call<{ items: Array<Record<string, unknown>> }>(t.app, 'GET', '/v1/events?types=stock.cover-low', {
        key: world.logistics,
      });
    let feed = await read();
    for (const deadline = Date.now() + 10_000; feed.body.items.length === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      feed = await read();
    }
    expect(feed.status).toBe(200);
    expect(feed.body.items).toMatchObject([
      {
        type: 'stock.cover-low',
        shelterId: 'shelter-a',
        data: { itemId: 'rice', available: 500, daysOfCover: 2.5, coverWarningDays: 3 },
      },
    ]);
  });
});
