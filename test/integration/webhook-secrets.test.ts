import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { webhookKey, webhookListKey, webhookListSort } from '../../shared/store/keys.js';
import { createStores } from '../../shared/store/stores.js';
import { deliverDueWebhooks, deliverQueue } from '../../shared/usecases/deliver-webhooks.js';
import type { DispatchDeps } from '../../shared/usecases/dispatch-events.js';
import { call } from '../support/http.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';
import { type ReceivedWebhook, startWebhookReceiver } from '../support/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
type Subscription = {
  id: string;
  secret: string;
  signingSecrets: Array<{ createdAt: string; retiresAt?: string }>;
};

/** Every item of the table, as stored (a test table of a few hundred records). */
async function scanTable(t: TestApp): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.table.doc.send(
      new ScanCommand({ TableName: t.table.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** A secret is found in clear if its base64 key appears anywhere, with or without `whsec_`. */
const keyOf = (secret: string) => secret.replace(/^whsec_/, '');

/**
 * Whether Standard Webhooks' reference package accepts the request under this secret, checked at
 * the time the request was signed (a pass run on a later clock signs with that clock's time).
 */
function verifies(secret: string, request: ReceivedWebhook | undefined): boolean {
  const timestamp = String(request?.headers['webhook-timestamp']);
  vi.useFakeTimers({ toFake: ['Date'], now: Number(timestamp) * 1000 });
  try {
    new Webhook(secret).verify(request?.body ?? '', {
      'webhook-id': String(request?.headers['webhook-id']),
      'webhook-timestamp': timestamp,
      'webhook-signature': String(request?.headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  } finally {
    vi.useRealTimers();
  }
}

describe('webhook signing secrets', () => {
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

  const subscribe = async (body: Record<string, unknown>, idempotencyKey?: string) => {
    const result = await call<Subscription>(t.app, 'POST', '/v1/webhooks', {
      key: world.coordinator,
      body,
      ...(idempotencyKey === undefined ? {} : { headers: { 'idempotency-key': idempotencyKey } }),
    });
    expect(result.status, result.text).toBe(201);
    return result;
  };

  const rotate = (webhookId: string, body?: Record<string, unknown>, idempotencyKey?: string) =>
    call<Subscription>(t.app, 'POST', `/v1/webhooks/${webhookId}/rotate-secret`, {
      key: world.coordinator,
      ...(body === undefined ? {} : { body }),
      ...(idempotencyKey === undefined ? {} : { headers: { 'idempotency-key': idempotencyKey } }),
    });

  const later = (ms: number) => () => new Date(Date.now() + ms);

  /** Until no worker holds the subscription's queue and its head was tried `attempts` times. */
  const idle = async (webhookId: string, attempts: number) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const webhook = await t.deps.stores.webhooks.get(webhookId);
      const [head] = await t.deps.stores.deliveries.queued(webhookId, 1);
      if (webhook?.drainingUntil === undefined && head?.delivery.attempts === attempts) return;
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

  describe('at rest', () => {
    it('leaves no signing secret in clear anywhere in the table, after creates, replays and a rotation', async () => {
      const shown: string[] = [];
      for (let i = 0; i < 3; i++) {
        shown.push(
          (await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] })).body.secret,
        );
      }
      const replayed = await subscribe(
        { url: 'http://localhost:9/hook', eventTypes: ['stock.out'] },
        'same-key',
      );
      await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.out'] }, 'same-key');
      shown.push(replayed.body.secret);
      const rotated = await rotate(replayed.body.id, { overlapHours: 24 });
      expect(rotated.status, rotated.text).toBe(200);
      shown.push(rotated.body.secret);

      const items = await scanTable(t);
      const everything = JSON.stringify(items);
      for (const secret of shown) {
        expect(secret).toMatch(/^whsec_/);
        expect(everything).not.toContain(keyOf(secret));
      }
      // What is kept instead: sealed values, and the replayable answers sealed too.
      const webhooks = items.filter((item) => String(item.pk).startsWith('WEBHOOK#') && item.sk === 'META');
      expect(webhooks.length).toBeGreaterThanOrEqual(4);
      for (const webhook of webhooks) {
        expect(webhook).not.toHaveProperty('secret');
        expect(webhook.signingSecrets).toEqual(
          expect.arrayContaining([expect.objectContaining({ sealed: expect.stringMatching(/^sl1\./) })]),
        );
      }
      const answers = items.filter(
        (item) => String(item.pk).startsWith('IDEM#') && item.state === 'completed',
      );
      expect(answers.filter((item) => item.sealed === true).length).toBeGreaterThanOrEqual(2);
    });

    it('never shows a secret again: not when read, listed, enabled, nor in a log line', async () => {
      const created = await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] });
      const reads = [
        await call(t.app, 'GET', `/v1/webhooks/${created.body.id}`, { key: world.coordinator }),
        await call(t.app, 'GET', '/v1/webhooks?limit=200', { key: world.coordinator }),
        await call(t.app, 'POST', `/v1/webhooks/${created.body.id}/enable`, { key: world.coordinator }),
      ];
      for (const read of reads) {
        expect(read.status, read.text).toBe(200);
        expect(read.text).not.toContain(keyOf(created.body.secret));
        expect(read.text).not.toContain('sl1.');
      }
      expect(reads[0]?.body).toMatchObject({ signingSecrets: [{ createdAt: expect.any(String) }] });
      expect(t.rawLogs.join('\n')).not.toContain(keyOf(created.body.secret));
    });

    it('seals a secret stored in clear before issue 24 on the next retry pass, and still signs with it', async () => {
      const r = await receiver();
      const inClear = 'whsec_MfKQ9r8GKYqrTX8vq5l7G1nB2Wn7yXJr0fM0yqg0m4c=';
      const id = 'whk_01HLEGACYLEGACYLEGACYLEGAC';
      await t.table.doc.send(
        new PutCommand({
          TableName: t.table.tableName,
          Item: {
            ...webhookKey(id),
            gsi1pk: webhookListKey(),
            gsi1sk: webhookListSort('org-a', id),
            id,
            orgId: 'org-a',
            url: r.url,
            eventTypes: ['voucher.issued'],
            shelterIds: '*',
            status: 'active',
            secret: inClear,
            createdAt: new Date().toISOString(),
            createdBy: 'test',
          },
        }),
      );

      // The retry function's first pass after the deploy: a fresh instance, with stores of its own.
      await deliverDueWebhooks({ ...deps, stores: createStores(t.table) });
      const stored = JSON.stringify(await scanTable(t));
      await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
      const [request] = await r.waitFor(1);

      expect(stored).not.toContain(keyOf(inClear));
      expect(verifies(inClear, request)).toBe(true);
    });
  });

  describe('creation under an Idempotency-Key', () => {
    it('answers a retried create with the first subscription and its secret, and subscribes once', async () => {
      const r = await receiver();
      const body = { url: r.url, eventTypes: ['voucher.issued'], description: 'retried create' };
      const first = await subscribe(body, 'create-once');
      const retry = await subscribe(body, 'create-once');
      const listed = await call<{ items: Array<{ description?: string }> }>(
        t.app,
        'GET',
        '/v1/webhooks?limit=200',
        {
          key: world.coordinator,
        },
      );

      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('cache-control')).toBe('no-store');
      expect(retry.headers.get('location')).toBe(`/v1/webhooks/${first.body.id}`);
      expect(retry.body).toEqual(first.body);
      expect(listed.body.items.filter((item) => item.description === 'retried create')).toHaveLength(1);
    });

    it('refuses a create without an Idempotency-Key, and one whose key was used for another body', async () => {
      const missing = await call(t.app, 'POST', '/v1/webhooks', {
        key: world.coordinator,
        body: { url: 'http://localhost:9/hook', eventTypes: ['stock.low'] },
        idempotencyKey: false,
      });
      await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] }, 'used-once');
      const reused = await call(t.app, 'POST', '/v1/webhooks', {
        key: world.coordinator,
        body: { url: 'http://localhost:9/other', eventTypes: ['stock.low'] },
        headers: { 'idempotency-key': 'used-once' },
      });

      expect(missing.status).toBe(400);
      expect(missing.body.type).toBe('urn:supplyline:problem:idempotency-key-required');
      expect(reused.status).toBe(422);
    });
  });

  describe('rotation', () => {
    it('signs with both secrets during the overlap, verifiable under either, then with the new one only', async () => {
      // The second delivery fails once, so that it is sent again by a pass after the overlap.
      const r = await receiver([200, 500, 200]);
      const created = await subscribe({ url: r.url, eventTypes: ['voucher.issued'] });
      const rotated = await rotate(created.body.id, { overlapHours: 2 });
      expect(rotated.status, rotated.text).toBe(200);
      const [newest, retiring] = rotated.body.signingSecrets;

      await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
      const [during] = await r.waitFor(1);
      await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
      await r.waitFor(2);
      await idle(created.body.id, 1);
      await deliverQueue(created.body.id, { ...deps, now: later(3 * 3_600_000) });
      const after = r.received[2];

      expect(rotated.body.secret).not.toBe(created.body.secret);
      expect(newest?.retiresAt).toBeUndefined();
      expect(Date.parse(retiring?.retiresAt ?? '')).toBeGreaterThan(Date.now() + 3_500_000);
      expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifies(created.body.secret, during)).toBe(true);
      expect(verifies(rotated.body.secret, during)).toBe(true);
      expect(String(after?.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(verifies(rotated.body.secret, after)).toBe(true);
      expect(verifies(created.body.secret, after)).toBe(false);
    });

    it('retires every other secret at once with overlapHours 0 (a secret that leaked)', async () => {
      const r = await receiver();
      const created = await subscribe({ url: r.url, eventTypes: ['voucher.issued'] });
      const rotated = await rotate(created.body.id, { overlapHours: 0 });

      await issue(t, world.coordinator, { lines: [{ itemId: 'rice', quantity: 1 }] });
      const [request] = await r.waitFor(1);

      expect(rotated.body.signingSecrets).toHaveLength(1);
      expect(verifies(rotated.body.secret, request)).toBe(true);
      expect(verifies(created.body.secret, request)).toBe(false);
    });

    it('answers a retried rotation with the first new secret, and rotates once', async () => {
      const created = await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] });
      const first = await rotate(created.body.id, undefined, 'rotate-once');
      const retry = await rotate(created.body.id, undefined, 'rotate-once');
      const read = await call<Subscription>(t.app, 'GET', `/v1/webhooks/${created.body.id}`, {
        key: world.coordinator,
      });

      expect(first.status, first.text).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.secret).toBe(first.body.secret);
      // The default overlap: the first secret signs for 24 hours more.
      expect(read.body.signingSecrets).toHaveLength(2);
      expect(Date.parse(read.body.signingSecrets[1]?.retiresAt ?? '')).toBeGreaterThan(
        Date.now() + 23 * 3_600_000,
      );
    });

    it('refuses a rotation that would make a fourth live secret, and says how to proceed', async () => {
      const created = await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] });
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await rotate(created.body.id, { overlapHours: 24 }));
      const leaked = await rotate(created.body.id, { overlapHours: 0 });

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 409]);
      expect(answers[2]?.text).toMatch(/overlapHours 0/);
      expect(leaked.status).toBe(200);
      expect(leaked.body.signingSecrets).toHaveLength(1);
    });

    it('is refused to another organisation’s coordinator as if the subscription did not exist', async () => {
      const created = await subscribe({ url: 'http://localhost:9/hook', eventTypes: ['stock.low'] });
      const other = await t.createKey('coordinator', 'org-b');
      const refused = await call(t.app, 'POST', `/v1/webhooks/${created.body.id}/rotate-secret`, {
        key: other,
      });
      expect(refused.status).toBe(404);
    });
  });
});
