import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { call } from '../support/http.js';
import { householdCsv, liveWindow, sendHouseholds } from '../support/round-fixtures.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, type VoucherWorld } from '../support/voucher-fixtures.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
type RoundEvent = {
  id: string;
  type: string;
  orgId: string;
  occurredAt: string;
  data: Record<string, unknown> & { roundId: string };
};

describe('round.opened and round.closed, delivered like every event', () => {
  let t: TestApp;
  let w: VoucherWorld;
  let dispatcher: LocalDispatcher;
  let secondCoordinator: string;
  let orgA: Receiver;
  let orgB: Receiver;
  let secrets: { a: string; b: string };
  let roundId: string;

  /** The round events a receiver verified with the standardwebhooks package, for this round. */
  const roundEventsOf = (r: Receiver, secret: string) =>
    r.received
      .map(
        (request) =>
          new Webhook(secret).verify(request.body, {
            'webhook-id': String(request.headers['webhook-id']),
            'webhook-timestamp': String(request.headers['webhook-timestamp']),
            'webhook-signature': String(request.headers['webhook-signature']),
          }) as RoundEvent,
      )
      .filter((event) => event.type.startsWith('round.') && event.data.roundId === roundId);

  const until = async (check: () => boolean) => {
    for (const deadline = Date.now() + 10_000; !check(); ) {
      if (Date.now() > deadline) throw new Error('the events did not come');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    w = await buildVoucherWorld(t);
    secondCoordinator = await t.createKey('coordinator', 'org-a');
    ({ dispatcher } = await startTestDispatcher(t, table.endpoint));
    orgA = await startWebhookReceiver();
    orgB = await startWebhookReceiver();
    const subscribe = async (key: string, url: string) => {
      const result = await call<{ secret: string }>(t.app, 'POST', '/v1/webhooks', {
        key,
        body: { url, eventTypes: ['round.opened', 'round.closed'] },
      });
      expect(result.status, result.text).toBe(201);
      return result.body.secret;
    };
    secrets = {
      a: await subscribe(w.coordinator, orgA.url),
      b: await subscribe(w.otherOrgCoordinator, orgB.url),
    };

    // A round org-a and org-b share, opened, two households of org-a (one redeemed), then closed.
    const created = await call<{ id: string }>(t.app, 'POST', '/v1/rounds', {
      key: w.admin,
      body: {
        name: 'Shared December round',
        shelterIds: ['shelter-a'],
        organizationIds: ['org-a', 'org-b'],
        ...liveWindow(14),
        rules: [{ itemId: 'rice', amount: 2, per: 'household' }],
      },
    });
    expect(created.status, created.text).toBe(201);
    roundId = created.body.id;
    expect((await call(t.app, 'POST', `/v1/rounds/${roundId}/open`, { key: w.coordinator })).status).toBe(
      200,
    );
    const issued = await sendHouseholds(
      t,
      w.coordinator,
      roundId,
      householdCsv([
        { ref: 'HH-EVENT-1', size: 3 },
        { ref: 'HH-EVENT-2', size: 5 },
      ]),
    );
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: w.volunteer,
      body: { code: issued.body.results[0]?.voucher?.code, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status, redeemed.text).toBe(200);
    await call(t.app, 'POST', `/v1/rounds/${roundId}/close`, { key: w.coordinator });
    const closed = await call(t.app, 'POST', `/v1/rounds/${roundId}/close`, { key: secondCoordinator });
    expect(closed.body).toMatchObject({ status: 'closed' });
    await until(
      () => roundEventsOf(orgA, secrets.a).length === 2 && roundEventsOf(orgB, secrets.b).length === 2,
    );
  });

  afterAll(async () => {
    await dispatcher?.stop();
    await Promise.all([orgA?.close(), orgB?.close()]);
  });

  it('tells each organisation sharing the round that it opened, then that it closed, in that order', () => {
    for (const [r, secret, orgId] of [
      [orgA, secrets.a, 'org-a'],
      [orgB, secrets.b, 'org-b'],
    ] as const) {
      const events = roundEventsOf(r, secret);
      expect(events.map((event) => [event.type, event.orgId])).toEqual([
        ['round.opened', orgId],
        ['round.closed', orgId],
      ]);
      expect(events[0]?.data).toMatchObject({
        roundId,
        shelterIds: ['shelter-a'],
        orgIds: ['org-a', 'org-b'],
        rulesVersion: 1,
      });
    }
  });

  it('closes with the frozen reconciliation’s totals of that organisation only', () => {
    const [, closedForA] = roundEventsOf(orgA, secrets.a);
    const [, closedForB] = roundEventsOf(orgB, secrets.b);

    expect(closedForA?.data).toMatchObject({
      agrees: true,
      items: [
        {
          itemId: 'rice',
          vouchersIssued: 2,
          vouchersRedeemed: 1,
          vouchersVoided: 1,
          vouchersOutstanding: 0,
          quantityIssued: 4,
          quantityRedeemed: 2,
          quantityVoided: 2,
          ledgerOut: 2,
        },
      ],
    });
    // org-b issued nothing in the round: nothing to total, nothing of org-a's.
    expect(closedForB?.data).toMatchObject({ agrees: true, items: [] });
  });

  it('carries no household data: no reference, pseudonym, household size or round name', () => {
    const bodies = [...orgA.received, ...orgB.received].map((request) => request.body).join('\n');
    expect(bodies).not.toMatch(/HH-EVENT|householdSize|beneficiary|Shared December round/);
    expect(bodies).not.toMatch(/"HH#/);
  });

  it('shows the same events in the pull feed, each organisation its own', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const feed = async (key: string) =>
      (
        await call<{ items: RoundEvent[] }>(
          t.app,
          'GET',
          '/v1/events?types=round.opened,round.closed&limit=500',
          {
            key,
          },
        )
      ).body.items.filter((event) => event.data.roundId === roundId);
    const forA = await feed(w.coordinator);
    const forB = await feed(w.otherOrgCoordinator);

    expect(forA.map((event) => [event.type, event.orgId])).toEqual([
      ['round.opened', 'org-a'],
      ['round.closed', 'org-a'],
    ]);
    expect(forB.map((event) => event.orgId)).toEqual(['org-b', 'org-b']);
    expect(forA.map((event) => event.id)).toEqual(roundEventsOf(orgA, secrets.a).map((event) => event.id));
  });
});
