import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { deliverQueue } from '../../shared/usecases/deliver-webhooks.js';
import type { DispatchDeps } from '../../shared/usecases/dispatch-events.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
type Subscription = { id: string; secret: string };

describe('webhooks, delivered from the table stream', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let dispatcher: LocalDispatcher;
  let deps: DispatchDeps;
  const receivers: Receiver[] = [];

  const receiver = async (answers?: number[]) => {
    const r = await startWebhookReceiver(answers);
    receivers.push(r);
    return r;
  };

  const subscribe = async (key: string, body: Record<string, unknown>): Promise<Subscription> => {
    const result = await call<Subscription>(t.app, 'POST', '/v1/webhooks', { key, body });
    expect(result.status, result.text).toBe(201);
    return result.body;
  };

  const redeem = async (lines = [{ itemId: 'water', quantity: 2 }]) => {
    const voucher = await issue(t, world.coordinator, { lines });
    const result = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(result.status, result.text).toBe(200);
    return voucher;
  };

  /** The voucher events a receiver got, as [type, voucherId]. */
  const voucherEventsOf = (r: Receiver) =>
    r.received
      .map((request) => JSON.parse(request.body) as { type: string; data: { voucherId?: string } })
      .filter((event) => event.type.startsWith('voucher.'))
      .map((event) => [event.type, event.data.voucherId]);

  const later = (ms: number) => () => new Date(Date.now() + ms);

  /**
   * Until the dispatcher's pass over a subscription is over: its first attempt made and recorded,
   * its hold on the queue released. A test's own pass on a later clock starts only then.
   */
  const settled = async (webhookId: string) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const webhook = await t.deps.stores.webhooks.get(webhookId);
      const [head] = await t.deps.stores.deliveries.queued(webhookId, 1);
      if (webhook?.drainingUntil === undefined && (head === undefined || head.delivery.attempts > 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`webhook ${webhookId} never settled`);
  };

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    world = await buildVoucherWorld(t);
    ({ deps, dispatcher } = await startTestDispatcher(t, table.endpoint));
  });

  afterAll(async () => {
    await dispatcher?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('delivers a signed voucher.redeemed within seconds, verifiable with the standardwebhooks package', async () => {
    const r = await receiver();
    const subscription = await subscribe(world.coordinator, { url: r.url, eventTypes: ['voucher.redeemed'] });
    expect(subscription.secret).toMatch(/^whsec_/);
    const voucher = await redeem();
    const [request] = await r.waitFor(1);
    const event = new Webhook(subscription.secret).verify(request?.body ?? '', {
      'webhook-id': String(request?.headers['webhook-id']),
      'webhook-timestamp': String(request?.headers['webhook-timestamp']),
      'webhook-signature': String(request?.headers['webhook-signature']),
    }) as { id: string; type: string; orgId: string; data: Record<string, unknown> };
    expect(event).toMatchObject({
      type: 'voucher.redeemed',
      orgId: 'org-a',
      shelterId: 'shelter-a',
      data: { voucherId: voucher.id, pickupPointId: 'pp-a1', lines: [{ itemId: 'water', quantity: 2 }] },
    });
    expect(request?.headers['webhook-id']).toBe(event.id);
    expect(request?.body).not.toMatch(/HH-|beneficiary|householdSize/);
  });

  it('tries again on the retry schedule: a receiver that answers 500 twice gets the event on the third attempt', async () => {
    const r = await receiver([500, 500, 200]);
    const subscription = await subscribe(world.coordinator, { url: r.url, eventTypes: ['voucher.redeemed'] });
    await redeem();
    await r.waitFor(1);
    await settled(subscription.id);
    // Not due yet: the pass leaves the head where it is.
    expect((await deliverQueue(subscription.id, deps)).delivered).toBe(0);
    await deliverQueue(subscription.id, { ...deps, now: later(10 * 60_000) });
    await deliverQueue(subscription.id, { ...deps, now: later(30 * 60_000) });
    expect(r.received).toHaveLength(3);
    const ids = new Set(r.received.map((request) => request.headers['webhook-id']));
    expect(ids.size).toBe(1);

    const past = await call<{ items: Array<Record<string, unknown>> }>(
      t.app,
      'GET',
      `/v1/webhooks/${subscription.id}/deliveries?state=past`,
      { key: world.coordinator },
    );
    expect(past.status, past.text).toBe(200);
    expect(past.body.items).toHaveLength(1);
    const [delivery] = past.body.items as Array<{
      status: string;
      attempts: number;
      attemptLog: Array<{ responseStatus: number; latencyMs: number }>;
    }>;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(delivery?.attemptLog.map((attempt) => attempt.responseStatus)).toEqual([500, 500, 200]);
    const webhook = await call(t.app, 'GET', `/v1/webhooks/${subscription.id}`, { key: world.coordinator });
    expect(webhook.body).toMatchObject({ status: 'active' });
    expect(webhook.body).not.toHaveProperty('failingSince');
  });

  it('keeps order per subscription: nothing overtakes a delivery that is being retried', async () => {
    const r = await receiver([503, 200]);
    const subscription = await subscribe(world.coordinator, { url: r.url, eventTypes: ['voucher.issued'] });
    const first = await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
    await r.waitFor(1);
    const second = await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
    const queued = async () =>
      (
        await call<{ items: unknown[] }>(
          t.app,
          'GET',
          `/v1/webhooks/${subscription.id}/deliveries?state=queued`,
          {
            key: world.coordinator,
          },
        )
      ).body.items.length;
    for (const deadline = Date.now() + 10_000; (await queued()) < 2 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await queued()).toBe(2);
    expect(r.received).toHaveLength(1);
    await settled(subscription.id);
    await deliverQueue(subscription.id, { ...deps, now: later(10 * 60_000) });
    expect(voucherEventsOf(r)).toEqual([
      ['voucher.issued', first.id],
      ['voucher.issued', first.id],
      ['voucher.issued', second.id],
    ]);
  });

  it('disables a subscription that fails for 24 hours, says why, and can be enabled and redelivered', async () => {
    const r = await receiver([500]);
    const subscription = await subscribe(world.coordinator, { url: r.url, eventTypes: ['voucher.redeemed'] });
    await redeem();
    await r.waitFor(1);
    await settled(subscription.id);
    await deliverQueue(subscription.id, { ...deps, now: later(25 * 3_600_000) });
    const disabled = await call(t.app, 'GET', `/v1/webhooks/${subscription.id}`, { key: world.coordinator });
    expect(disabled.body).toMatchObject({ status: 'disabled' });
    expect(String(disabled.body.disabledReason)).toMatch(/24 hours.*HTTP 500/);
    const past = await call<{ items: Array<{ id: string; status: string }> }>(
      t.app,
      'GET',
      `/v1/webhooks/${subscription.id}/deliveries`,
      { key: world.coordinator },
    );
    expect(past.body.items.map((delivery) => delivery.status)).toEqual(['abandoned']);
    // Disabled: the next redemption is not sent.
    await redeem();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received).toHaveLength(2);

    const enabled = await call(t.app, 'POST', `/v1/webhooks/${subscription.id}/enable`, {
      key: world.coordinator,
    });
    expect(enabled.body).toMatchObject({ status: 'active' });
    expect(enabled.body).not.toHaveProperty('disabledReason');
    const deliveryId = past.body.items[0]?.id;
    const redelivered = await call(
      t.app,
      'POST',
      `/v1/webhooks/${subscription.id}/deliveries/${deliveryId}/redeliver`,
      { key: world.coordinator },
    );
    expect(redelivered.status, redelivered.text).toBe(200);
    expect(redelivered.body).toMatchObject({ status: 'abandoned' });
    expect(r.received).toHaveLength(3);
  });

  it('never sends an organisation another organisation’s voucher events', async () => {
    const mine = await receiver();
    const theirs = await receiver();
    await subscribe(world.coordinator, { url: mine.url, eventTypes: ['voucher.issued', 'voucher.redeemed'] });
    await subscribe(world.otherOrgCoordinator, {
      url: theirs.url,
      eventTypes: ['voucher.issued', 'voucher.redeemed', 'stock.low', 'stock.out'],
    });
    const voucher = await redeem();
    await mine.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(voucherEventsOf(mine)).toEqual([
      ['voucher.issued', voucher.id],
      ['voucher.redeemed', voucher.id],
    ]);
    expect(voucherEventsOf(theirs)).toEqual([]);
  });

  it('hears only the shelters the subscription reaches', async () => {
    const r = await receiver();
    const result = await call(t.app, 'POST', '/v1/webhooks', {
      key: world.coordinatorA,
      body: { url: r.url, eventTypes: ['voucher.issued'], shelterIds: ['shelter-b'] },
    });
    expect(result.status, result.text).toBe(403);
    expect(String(result.body.detail)).toContain('shelter-b');
  });

  it('refuses URLs that are not http(s), carry credentials or point at private networks', async () => {
    for (const [url, message] of [
      ['ftp://localhost/hook', /http or https/],
      ['http://partner.example.org/hook', /must use https/],
      ['https://user:pw@partner.example.org/hook', /user name or password/],
      ['https://10.1.2.3/hook', /public address/],
      ['https://169.254.169.254/latest/meta-data', /public address/],
    ] as const) {
      const result = await call(t.app, 'POST', '/v1/webhooks', {
        key: world.coordinator,
        body: { url, eventTypes: ['voucher.issued'] },
      });
      expect(result.status, url).toBe(400);
      expect(JSON.stringify(result.body.errors), url).toMatch(message);
    }
  });

  it('shows a subscription to its organisation only, never its secret again', async () => {
    const r = await receiver();
    const subscription = await subscribe(world.coordinator, { url: r.url, eventTypes: ['stock.low'] });
    const list = await call<{ items: Array<Record<string, unknown>> }>(t.app, 'GET', '/v1/webhooks', {
      key: world.coordinator,
    });
    expect(list.body.items.map((webhook) => webhook.id)).toContain(subscription.id);
    expect(JSON.stringify(list.body)).not.toContain(subscription.secret);
    const other = await call(t.app, 'GET', `/v1/webhooks/${subscription.id}`, {
      key: world.otherOrgCoordinator,
    });
    expect(other.status).toBe(404);
    const otherList = await call<{ items: Array<{ id: string }> }>(t.app, 'GET', '/v1/webhooks', {
      key: world.otherOrgCoordinator,
    });
    expect(otherList.body.items.map((webhook) => webhook.id)).not.toContain(subscription.id);
    const deleted = await call(t.app, 'DELETE', `/v1/webhooks/${subscription.id}`, {
      key: world.coordinator,
    });
    expect(deleted.status).toBe(204);
    expect(
      (await call(t.app, 'GET', `/v1/webhooks/${subscription.id}`, { key: world.coordinator })).status,
    ).toBe(404);
  });
});
