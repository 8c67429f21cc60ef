import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { stockShelter } from '../support/voucher-fixtures.js';

type Balance = {
  itemId: string;
  lowStockThreshold: number | null;
  daysOfCover: number | null;
  coverWarningDays: number;
  coverWarningDaysFrom: string;
  coverLow: boolean;
};
type Recipients = {
  digest: {
    channel: string;
    everyMinutes: number;
    recipients: Array<{ endpoint: string; confirmed: boolean }>;
    pendingAlerts: number;
    lastSentAt: string | null;
  };
  webhooks: Array<{ id: string; orgId: string; host: string; eventTypes: string[]; status: string }>;
};

describe('alert levels and who hears the alerts: happy path', () => {
  let t: TestApp;
  let world: World;
  const rice = async (key = world.logistics) => {
    const page = await call<{ items: Balance[] }>(t.app, 'GET', '/v1/stock?shelterId=shelter-a&itemId=rice', {
      key,
    });
    return page.body.items[0] as Balance;
  };
  const threshold = (body: unknown, key = world.logistics) =>
    call<Balance>(t.app, 'PUT', '/v1/shelters/shelter-a/stock/rice/threshold', { key, body });

  beforeAll(async () => {
    t = await createTestApp({
      deps: {
        // What the SNS topic would answer: one address confirmed, one not yet.
        alertRecipients: async () => ({
          channel: 'email',
          recipients: [
            { protocol: 'email', endpoint: 'lead@partner.example.org', confirmed: true },
            { protocol: 'email', endpoint: 'new-lead@partner.example.org', confirmed: false },
          ],
        }),
      },
    });
    world = await buildWorld(t);
    // Shelter A: 400 people at 0.5 kg of rice a day; 1,000 kg is 5 days of cover.
    await stockShelter(t, world.logistics, 'shelter-a', [{ itemId: 'rice', quantity: 1000 }]);
  });

  it('judges a balance by the default cover level until one is set', async () => {
    expect(await rice()).toMatchObject({
      daysOfCover: 5,
      coverWarningDays: 3,
      coverWarningDaysFrom: 'default',
      coverLow: false,
    });
  });

  it('sets the shelter’s cover level for a logistics lead, who and when recorded', async () => {
    const set = await call(t.app, 'PUT', '/v1/shelters/shelter-a/cover-warning-days', {
      key: world.logisticsA,
      body: { coverWarningDays: 4 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: 'shelter-a', coverWarningDays: 4 });
    const shelter = await call(t.app, 'GET', '/v1/shelters/shelter-a', { key: world.admin });
    expect(shelter.body).toMatchObject({ coverWarningDays: 4, updatedBy: expect.any(String) });
    expect(await rice()).toMatchObject({
      coverWarningDays: 4,
      coverWarningDaysFrom: 'shelter',
      coverLow: false,
    });
  });

  it('sets an item’s own cover level at the shelter, which comes before the shelter’s, and clears it again', async () => {
    const set = await threshold({ coverWarningDays: 7 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ coverWarningDays: 7, coverWarningDaysFrom: 'item', coverLow: true });
    expect(await rice()).toMatchObject({ coverWarningDays: 7, coverWarningDaysFrom: 'item', coverLow: true });

    const cleared = await threshold({ coverWarningDays: null });
    expect(cleared.body).toMatchObject({
      coverWarningDays: 4,
      coverWarningDaysFrom: 'shelter',
      coverLow: false,
    });
  });

  it('keeps the threshold request partners already send, and leaves the other level as it was', async () => {
    await threshold({ coverWarningDays: 6 });
    const set = await threshold({ lowStockThreshold: 200 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ lowStockThreshold: 200, coverWarningDays: 6 });
    const cover = await threshold({ coverWarningDays: null });
    expect(cover.body).toMatchObject({ lowStockThreshold: 200, coverWarningDaysFrom: 'shelter' });
  });

  it('clears the shelter’s level back to the default with null', async () => {
    const cleared = await call(t.app, 'PUT', '/v1/shelters/shelter-a/cover-warning-days', {
      key: world.logistics,
      body: { coverWarningDays: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('coverWarningDays');
    expect(await rice()).toMatchObject({ coverWarningDays: 3, coverWarningDaysFrom: 'default' });
  });

  it('shows who the digests reach, what waits for the next one, and the webhooks that hear the shelter', async () => {
    const hook = async (body: Record<string, unknown>) => {
      const created = await call(t.app, 'POST', '/v1/webhooks', { key: world.coordinator, body });
      if (created.status !== 201) throw new Error(created.text);
      return String(created.body.id);
    };
    const hearsA = await hook({
      url: 'http://localhost:9/hooks?token=s3cret',
      eventTypes: ['stock.low', 'voucher.issued', 'stock.cover-low'],
      shelterIds: ['shelter-a'],
      description: 'Partner stock desk',
    });
    await hook({ url: 'http://localhost:9/vouchers', eventTypes: ['voucher.issued'] });
    await hook({ url: 'http://localhost:9/b', eventTypes: ['stock.out'], shelterIds: ['shelter-b'] });
    await t.deps.stores.alerts.note('shelter-a', {
      eventId: 'evt_1',
      type: 'stock.low',
      itemId: 'rice',
      available: 150,
      daysOfCover: 0.7,
      occurredAt: new Date().toISOString(),
    });

    const result = await call<Recipients>(t.app, 'GET', '/v1/shelters/shelter-a/alert-recipients', {
      key: world.logisticsA,
    });
    expect(result.status).toBe(200);
    expect(result.body.digest).toEqual({
      channel: 'email',
      everyMinutes: 60,
      recipients: [
        { protocol: 'email', endpoint: 'lead@partner.example.org', confirmed: true },
        { protocol: 'email', endpoint: 'new-lead@partner.example.org', confirmed: false },
      ],
      pendingAlerts: 1,
      lastSentAt: null,
    });
    expect(result.body.webhooks).toEqual([
      {
        id: hearsA,
        orgId: 'org-a',
        description: 'Partner stock desk',
        host: 'localhost:9',
        eventTypes: ['stock.low', 'stock.cover-low'],
        status: 'active',
      },
    ]);
    expect(result.text).not.toContain('s3cret');
  });
});

describe('alert levels and who hears the alerts: errors and who may', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  it('says the digests reach nobody when no topic is configured (a local run)', async () => {
    const result = await call<Recipients>(t.app, 'GET', '/v1/shelters/shelter-b/alert-recipients', {
      key: world.logistics,
    });
    expect(result.body.digest).toMatchObject({ channel: 'log', recipients: [], pendingAlerts: 0 });
  });

  it('refuses a threshold request that sets nothing, and a cover level past 90 days', async () => {
    const empty = await call(t.app, 'PUT', '/v1/shelters/shelter-a/stock/rice/threshold', {
      key: world.logistics,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(isProblem(empty)).toBe(true);
    expect(empty.body.errors).toEqual([
      { field: 'body', message: 'send lowStockThreshold, coverWarningDays or both' },
    ]);
    const far = await call(t.app, 'PUT', '/v1/shelters/shelter-a/cover-warning-days', {
      key: world.logistics,
      body: { coverWarningDays: 91 },
    });
    expect(far.status).toBe(400);
    expect((far.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'body.coverWarningDays',
    ]);
  });

  it('needs an Idempotency-Key to set a shelter’s level, as every write from the desk carries', async () => {
    const result = await call(t.app, 'PUT', '/v1/shelters/shelter-a/cover-warning-days', {
      key: world.logistics,
      body: { coverWarningDays: 5 },
      idempotencyKey: false,
    });
    expect(result.status).toBe(400);
    expect(result.body.type).toBe('urn:supplyline:problem:idempotency-key-required');
  });

  it('keeps another shelter’s levels and recipients from a key scoped elsewhere, and from other roles', async () => {
    const levels = await call(t.app, 'PUT', '/v1/shelters/shelter-b/cover-warning-days', {
      key: world.logisticsA,
      body: { coverWarningDays: 5 },
    });
    expect(levels.status).toBe(403);
    const recipients = await call(t.app, 'GET', '/v1/shelters/shelter-b/alert-recipients', {
      key: world.logisticsA,
    });
    expect(recipients.status).toBe(403);
    for (const key of [world.coordinator, world.volunteer]) {
      expect((await call(t.app, 'GET', '/v1/shelters/shelter-a/alert-recipients', { key })).status).toBe(403);
      const put = await call(t.app, 'PUT', '/v1/shelters/shelter-a/cover-warning-days', {
        key,
        body: { coverWarningDays: 5 },
      });
      expect(put.status).toBe(403);
    }
    expect(
      (await call(t.app, 'GET', '/v1/shelters/shelter-b', { key: world.admin })).body,
    ).not.toHaveProperty('coverWarningDays');
  });

  it('answers 404 for a shelter that does not exist', async () => {
    const result = await call(t.app, 'PUT', '/v1/shelters/shelter-zz/cover-warning-days', {
      key: world.logistics,
      body: { coverWarningDays: 5 },
    });
    expect(result.status).toBe(404);
  });
});
