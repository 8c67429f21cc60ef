import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../shared/domain/webhook-signature.js';
import { createWebhookSender } from '../../shared/events/webhook-sender.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

type Field = { field: string; message: string };

/**
 * The guard against webhooks aimed at the network behind us (server-side request forgery), as
 * deployed: https to public addresses only. IPv6 can write an IPv4 address inside itself in
 * several ways; each is judged by where it leads, at subscription and again at connection.
 */
describe('webhook URLs that hide a private IPv4 address in IPv6', () => {
  let t: TestApp;
  let world: World;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOK_URL_POLICY: 'public-https' },
      deps: {
        webhooks: {
          urlPolicy: 'public-https',
          // A partner's name whose DNS answer is the metadata service, written as NAT64.
          resolveHost: async (host) => (host === 'hooks.partner.example' ? ['64:ff9b::a9fe:a9fe'] : []),
          sender: createWebhookSender('public-https'),
        },
      },
    });
    world = await buildWorld(t);
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it.each([
    ['IPv4-compatible, the metadata service', 'https://[::a9fe:a9fe]/'],
    ['SIIT, the metadata service', 'https://[::ffff:0:a9fe:a9fe]/'],
    ['IPv4-compatible, loopback', 'https://[::7f00:1]/'],
    ['IPv4-mapped, loopback', 'https://[::ffff:127.0.0.1]/'],
    ['NAT64, a private address', 'https://[64:ff9b::10.0.0.1]/'],
    ['local-use NAT64', 'https://[64:ff9b:1::a9fe:a9fe]/'],
    ['6to4, the metadata service', 'https://[2002:a9fe:a9fe::1]/'],
    ['Teredo, a private client', 'https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/'],
    ['a name whose DNS answer is NAT64 of the metadata service', 'https://hooks.partner.example/'],
  ])('refuses at subscription %s (%s), and stores nothing', async (_form, url) => {
    const stored = () => t.deps.stores.webhooks.list('org-a', 200);
    const before = (await stored()).items.length;

    const result = await call(t.app, 'POST', '/v1/webhooks', {
      key: world.coordinator,
      body: { url, eventTypes: ['stock.low'] },
    });

    expect(result.status, result.text).toBe(400);
    expect(result.body.errors as Field[]).toEqual([
      {
        field: 'body.url',
        message: 'must reach a public address: private, loopback and link-local addresses are refused',
      },
    ]);
    expect((await stored()).items).toHaveLength(before);
  });

  it('refuses at connection time a subscription whose URL got past an older check, and records why', async () => {
    // As a subscription made before the check knew these forms: stored as it was accepted then.
    const port = new URL(receiver.url).port;
    const webhookId = 'whk_before_the_fix';
    await t.deps.stores.webhooks.create(
      {
        id: webhookId,
        orgId: 'org-a',
        url: `http://[::ffff:127.0.0.1]:${port}/hook`,
        eventTypes: ['stock.low'],
        shelterIds: '*',
        status: 'active',
        secret: newWebhookSecret(),
        createdAt: new Date().toISOString(),
        createdBy: 'test',
      },
      {},
    );
    const deliveryId = '01J00000000000000000000001';
    await t.deps.stores.deliveries.enqueue(
      webhookId,
      {
        id: deliveryId,
        webhookId,
        eventId: 'evt_guard',
        eventType: 'stock.low',
        status: 'pending',
        createdAt: new Date().toISOString(),
        attempts: 0,
        attemptLog: [],
      },
      '{}',
    );

    const redelivered = await call<{ status: string; attemptLog: Array<{ error?: string }> }>(
      t.app,
      'POST',
      `/v1/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`,
      { key: world.coordinator, body: {} },
    );

    expect(redelivered.status, redelivered.text).toBe(200);
    expect(redelivered.body.status).toBe('pending');
    expect(redelivered.body.attemptLog.at(-1)?.error).toMatch(/private, loopback or link-local address/);
    expect(receiver.received).toEqual([]);
  });
});
