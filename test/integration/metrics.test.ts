import { randomUUID } from 'node:crypto';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { latestStreamArn } from '../../shared/store/stream-client.js';
import { deliverDueWebhooks } from '../../shared/usecases/deliver-webhooks.js';
import type { DispatchDeps } from '../../shared/usecases/dispatch-events.js';
import { type EmfValue, emfLines, emfValues } from '../support/emf.js';
import { call } from '../support/http.js';
import { offlineRecord, registerDevice, sync, takePack } from '../support/offline-fixtures.js';
import { streamRecords } from '../support/stream-records.js';
import { appWith, createTestApp, freshTable, localClient, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

/** The metric values as [name, value], with the problem type for refusals. */
const named = (values: EmfValue[]) =>
  values.map((v) => [
    v.dimensions.ProblemType === undefined ? v.name : `${v.name}:${v.dimensions.ProblemType}`,
    v.value,
  ]);

/** What `act` wrote to the log: every line, the EMF lines among them, and their metric values (each line checked against the specification). */
async function logged<T>(t: TestApp, act: () => Promise<T>) {
  const before = t.rawLogs.length;
  const result = await act();
  const lines = t.rawLogs.slice(before);
  return { result, lines, emf: emfLines(lines), values: emfValues(lines) };
}

describe('metrics of the API, as embedded metric format lines in its log', () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  const redeem = (token: string, idempotencyKey = randomUUID()) =>
    call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { token, pickupPointId: 'pp-a1' },
      headers: { 'idempotency-key': idempotencyKey },
    });

  it('counts a redemption online in one line of its own, for the service, naming nothing personal', async () => {
    const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-METRICS-1' });
    const { result, emf, values } = await logged(t, () => redeem(voucher.token));
    expect(result.status, result.text).toBe(200);
    expect(emf).toHaveLength(1);
    expect(values).toEqual([
      {
        namespace: 'Supplyline',
        name: 'RedemptionsOnline',
        unit: 'Count',
        dimensions: { service: 'local' },
        value: 1,
        timestamp: expect.any(Number),
      },
    ]);
    expect(Math.abs((values[0]?.timestamp ?? 0) - Date.now())).toBeLessThan(60_000);
    for (const secret of [voucher.id, voucher.code, voucher.token, 'HH-METRICS-1', world.volunteer])
      expect(emf.join('\n')).not.toContain(secret);
  });

  it('counts a refusal by its problem type, and a replayed redemption as nothing at all', async () => {
    const voucher = await issue(t, world.coordinator);
    const first = randomUUID();
    expect((await redeem(voucher.token, first)).status).toBe(200);

    const again = await logged(t, () => redeem(voucher.token));
    expect(again.result.status).toBe(409);
    expect(again.values).toEqual([
      expect.objectContaining({
        name: 'Refusals',
        unit: 'Count',
        dimensions: { service: 'local', ProblemType: 'voucher-already-redeemed' },
        value: 1,
      }),
    ]);

    // The first request's answer, replayed: refused as already redeemed inside, answered 200.
    const replay = await logged(t, () => redeem(voucher.token, first));
    expect(replay.result.status).toBe(200);
    expect(replay.result.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.emf).toEqual([]);
  });

  it('counts refusals answered by a route group loaded on first use, and writes nothing for a plain read', async () => {
    const unauthenticated = await logged(t, () => call(t.app, 'GET', '/v1/conflicts?shelterId=shelter-a'));
    expect(unauthenticated.result.status).toBe(401);
    const invalid = await logged(t, () =>
      call(t.app, 'POST', '/v1/devices', { key: world.volunteer, body: { label: 'Desk' } }),
    );
    expect(invalid.result.status).toBe(400);
    expect(named([...unauthenticated.values, ...invalid.values])).toEqual([
      ['Refusals:unauthenticated', 1],
      ['Refusals:validation', 1],
    ]);

    const read = await logged(t, () =>
      call(t.app, 'GET', '/v1/stock?shelterId=shelter-a', { key: world.logistics }),
    );
    expect(read.result.status).toBe(200);
    expect(read.emf).toEqual([]);
  });

  it('counts a sync’s records, the handovers it booked and the conflicts it made; a record sent again is received, not booked again', async () => {
    await call(t.app, 'PATCH', '/v1/shelters/shelter-a', {
      key: world.admin,
      body: { offlineMode: 'detect' },
    });
    const desks = await Promise.all(
      [1, 2].map(() =>
        t.createKey('volunteer', 'org-a', { shelterIds: ['shelter-a'], pickupPointIds: ['pp-a1'] }),
      ),
    );
    const voucher = await issue(t, world.coordinator);
    const one = await registerDevice(t, desks[0] as string, 'pp-a1', 'Desk 1');
    const two = await registerDevice(t, desks[1] as string, 'pp-a1', 'Desk 2');
    await Promise.all([takePack(t, one), takePack(t, two)]);

    const handover = offlineRecord(one, voucher);
    const booked = await logged(t, () => sync(t, one, [handover]));
    expect(booked.result.body.results[0]?.outcome).toBe('redeemed');
    const conflicting = await logged(t, () =>
      sync(t, two, [offlineRecord(two, voucher), offlineRecord(two, voucher, { hmac: 'forged' })]),
    );
    expect(conflicting.result.body.results.map((r) => r.outcome)).toEqual(['conflict', 'rejected']);
    const resent = await logged(t, () => sync(t, one, [handover]));
    expect(resent.result.body.results[0]?.outcome).toBe('redeemed');

    const counts = (values: EmfValue[]) => Object.fromEntries(named(values));
    expect(counts(booked.values)).toEqual({
      SyncRecords: 1,
      RedemptionsSynced: 1,
      SyncConflicts: 0,
      SyncRejected: 0,
    });
    expect(counts(conflicting.values)).toEqual({
      SyncRecords: 2,
      RedemptionsSynced: 0,
      SyncConflicts: 1,
      SyncRejected: 1,
    });
    expect(counts(resent.values)).toEqual({
      SyncRecords: 1,
      RedemptionsSynced: 0,
      SyncConflicts: 0,
      SyncRejected: 0,
    });
    for (const { emf } of [booked, conflicting, resent]) expect(emf).toHaveLength(1);
  });
});

describe('metrics of events and webhooks', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let deps: DispatchDeps;
  let dispatcher: LocalDispatcher;
  const receivers: Array<Awaited<ReturnType<typeof startWebhookReceiver>>> = [];

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table });
    world = await buildVoucherWorld(t);
    // The retry pass runs only when a test calls it.
    ({ deps, dispatcher } = await startTestDispatcher(t, table.endpoint, { retryEveryMs: 3_600_000 }));
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const later = (ms: number) => () => new Date(Date.now() + ms);
  /** Metric values in the log since `from` (a position in t.rawLogs). */
  const valuesSince = (from: number) => emfValues(t.rawLogs.slice(from));
  /** The retry pass's values since `from`: the dispatcher, reading the stream meanwhile, writes lines too. */
  const passValuesSince = (from: number) =>
    valuesSince(from).filter((v) => v.name.startsWith('Webhook') || v.name === 'OldestUndeliveredAge');

  it('counts the events the dispatcher stored, how long after their change it dispatched them, the failed delivery, then the oldest delivery left waiting', async () => {
    const receiver = await startWebhookReceiver([500, 200]);
    receivers.push(receiver);
    const subscribed = await call<{ id: string }>(t.app, 'POST', '/v1/webhooks', {
      key: world.coordinator,
      body: { url: receiver.url, eventTypes: ['voucher.redeemed'] },
    });
    expect(subscribed.status).toBe(201);
    const from = t.rawLogs.length;
    const voucher = await issue(t, world.coordinator);
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    await receiver.waitFor(1);
    await vi.waitFor(() => expect(named(valuesSince(from))).toContainEqual(['WebhookDeliveriesFailed', 1]), {
      timeout: 10_000,
    });
    const dispatched = valuesSince(from).filter((v) => v.name !== 'RedemptionsOnline');
    // voucher.issued, voucher.redeemed and each line's stock events: each stored once.
    const events = dispatched.filter((v) => v.name === 'EventsDispatched').reduce((n, v) => n + v.value, 0);
    expect(events).toBeGreaterThanOrEqual(2);
    const ages = dispatched.filter((v) => v.name === 'StreamIteratorAge');
    expect(ages.length).toBeGreaterThan(0);
    for (const age of ages) {
      expect(age.unit).toBe('Milliseconds');
      expect(age.value).toBeGreaterThanOrEqual(0);
    }
    for (const value of dispatched) expect(value.dimensions).toEqual({ service: 'local' });

    // Ten minutes on, the retry pass finds the delivery due and the receiver answers 200 this time.
    const pass = t.rawLogs.length;
    await deliverDueWebhooks({ ...deps, now: later(10 * 60_000) });
    expect(receiver.received).toHaveLength(2);
    expect(named(passValuesSince(pass))).toEqual([['WebhookDeliveries', 1]]);
  });

  it('reports the age of the oldest delivery a failing receiver leaves queued, from the retry pass', async () => {
    const receiver = await startWebhookReceiver([503]);
    receivers.push(receiver);
    const subscribed = await call<{ id: string }>(t.app, 'POST', '/v1/webhooks', {
      key: world.coordinator,
      body: { url: receiver.url, eventTypes: ['voucher.voided'] },
    });
    const from = t.rawLogs.length;
    const voucher = await issue(t, world.coordinator);
    const voided = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, {
      key: world.coordinator,
      body: { reason: 'test' },
    });
    expect(voided.status).toBe(200);
    await receiver.waitFor(1);
    // The dispatcher's attempt is over (its line is written after it let go of the queue).
    await vi.waitFor(() => expect(named(valuesSince(from))).toContainEqual(['WebhookDeliveriesFailed', 1]), {
      timeout: 10_000,
    });
    const [head] = await t.deps.stores.deliveries.queued(subscribed.body.id, 1);
    expect(head?.delivery.attempts).toBe(1);

    const pass = t.rawLogs.length;
    await deliverDueWebhooks({ ...deps, now: later(20 * 60_000) });
    const values = passValuesSince(pass);
    expect(named(values).filter(([name]) => name !== 'OldestUndeliveredAge')).toEqual([
      ['WebhookDeliveriesFailed', 1],
    ]);
    const oldest = values.find((v) => v.name === 'OldestUndeliveredAge');
    expect(oldest?.unit).toBe('Milliseconds');
    // Queued a moment ago, seen by a pass whose clock reads twenty minutes on.
    expect(oldest?.value).toBeGreaterThanOrEqual(20 * 60_000);
    expect(oldest?.value).toBeLessThan(25 * 60_000);
  });
});

describe('metrics of the dispatcher Lambda entry', () => {
  it('writes its EMF line to stdout under the stack’s service, with the stream’s age from the records’ creation time', async () => {
    const table = await freshTable();
    const t = await createTestApp({ table });
    const world = await buildVoucherWorld(t);
    const streamArn = await latestStreamArn(localClient(table.endpoint), table.tableName);
    // The entry reads its environment at module scope, as on Lambda.
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      WEBHOOK_URL_POLICY: 'local-development',
      LOG_LEVEL: 'info',
      METRICS_SERVICE: 'Supplyline-test',
      // Required of the deployed dispatcher; no webhook is subscribed here, so nothing is unwrapped.
      SEALING_KEY_ARN: 'arn:aws:kms:ap-southeast-1:111122223333:key/test',
    });
    const { handler } = await import('../../functions/dispatcher.js');
    await issue(t, world.coordinator);
    // Lambda hands over each record's creation time in epoch seconds; these changes are two minutes old.
    const twoMinutesAgo = Math.floor(Date.now() / 1000) - 120;
    const records = (await streamRecords(table.endpoint, streamArn)).map((record) => ({
      ...record,
      dynamodb: { ...record.dynamodb, ApproximateCreationDateTime: twoMinutesAgo },
    }));

    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    try {
      expect(await handler({ Records: records } as unknown as DynamoDBStreamEvent)).toEqual({
        batchItemFailures: [],
      });
    } finally {
      stdout.mockRestore();
    }
    const values = emfValues(written);
    expect(emfLines(written)).toHaveLength(1);
    for (const value of values) expect(value.dimensions).toEqual({ service: 'Supplyline-test' });
    const age = values.find((v) => v.name === 'StreamIteratorAge')?.value ?? 0;
    expect(age).toBeGreaterThanOrEqual(120_000);
    expect(age).toBeLessThan(180_000);
    expect(values.find((v) => v.name === 'EventsDispatched')?.value).toBeGreaterThanOrEqual(1);
  });
});
