import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { FEED_SETTLE_MS } from '../../shared/usecases/read-events.js';
import { buildCountWorld, type CountWorld, count, reason, started, step } from '../support/count-fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';

type FeedEvent = { type: string; shelterId?: string; data: Record<string, unknown> };

describe('events from a count session', () => {
  let t: TestApp;
  let w: CountWorld;
  let dispatcher: LocalDispatcher;

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    w = await buildCountWorld(t);
    ({ dispatcher } = await startTestDispatcher(t, table.endpoint));
  });

  afterAll(async () => {
    await dispatcher.stop();
  });

  it('emits stock.out when an approved count empties an item, as any movement does, with no personal data', async () => {
    const session = await started(t, w.sokhaPhone, { itemIds: ['blanket'], note: 'store room' });
    await count(t, w.sokhaPhone, session.id, { blanket: 0 });
    await step(t, w.sokhaPhone, session.id, 'submit');
    await reason(t, w.sokhaPhone, session.id, 'blanket', 'handed out in the flood, never booked');
    expect((await step(t, w.dara, session.id, 'approve')).status).toBe(200);

    let events: FeedEvent[] = [];
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      const page = await call<{ items: FeedEvent[] }>(t.app, 'GET', '/v1/events?types=stock.out&limit=50', {
        key: w.logistics,
      });
      events = page.body.items;
      if (events.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, FEED_SETTLE_MS / 4));
    }
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'stock.out',
      shelterId: 'shelter-a',
      data: { itemId: 'blanket', onHand: 0, available: 0 },
    });
    const text = JSON.stringify(events);
    for (const personal of ['Sokha', 'Dara', 'flood', 'store room']) expect(text).not.toContain(personal);
  });
});
