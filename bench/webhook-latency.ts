import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { encodeTime } from 'ulid';
import { type LocalDispatcher, startLocalDispatcher } from '../functions/local-dispatcher.js';
import { composeDispatcherDeps } from '../shared/composition-root.js';
import { createLogger } from '../shared/logging/logger.js';
import { latestStreamArn } from '../shared/store/stream-client.js';
import { createWebhook } from '../shared/usecases/create-webhook.js';
import { deleteWebhook } from '../shared/usecases/manage-webhook.js';
import { startWebhookReceiver } from '../test/support/webhook-receiver.js';
import type { BenchEnvironment } from './lib/environment.js';
import { percentile, ratio, round } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

export interface WebhookLatencyResult {
  samples: number;
  /** Redemption answered -> its signed webhook received, through the local dispatcher. */
  delivery: { p50: number; p99: number };
  /** How often the local dispatcher polls the stream when it is idle, as under `npm start`. */
  pollIdleMs: number;
  redemption: { none: { p50: number; p99: number }; oneSubscription: { p50: number; p99: number } };
  p50Ratio: number;
  p99Ratio: number;
}

/** Reads the feed on from `from`, a little more each call: has the redemption of `voucherId` come? */
function feedWatcher(env: BenchEnvironment, from: string, voucherId: string) {
  let after = from;
  return async (): Promise<boolean> => {
    const until = `${encodeTime(Date.now() + 60_000, 10)}ZZZZZZZZZZZZZZZZ`;
    for (;;) {
      const page = await env.deps.stores.events.read(after, until, 500);
      after = page.reached ?? after;
      const found = page.entries.some(
        ({ event }) => event.type === 'voucher.redeemed' && event.data.voucherId === voucherId,
      );
      if (found) return true;
      if (!page.more) return false;
    }
  };
}

const summary = (s: number[]) => ({ p50: round(percentile(s, 50)), p99: round(percentile(s, 99)) });

/**
 * Events off the hot path, measured: (1) time from a redemption's answer to its webhook's
 * arrival at a receiver on loopback, through the same dispatcher `npm start` runs on DynamoDB
 * Local's stream; (2) redemption latency with one active subscription against none, in
 * alternating blocks of 25 (the subscription created and deleted between blocks).
 */
export async function measureWebhookLatency(
  env: BenchEnvironment,
  samples = 200,
): Promise<WebhookLatencyResult> {
  const pollIdleMs = 200;
  const client = new DynamoDBClient({
    endpoint: env.db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const logger = createLogger('silent');
  const deps = composeDispatcherDeps({
    stores: env.deps.stores,
    urlPolicy: 'local-development',
    logger,
    sealer: env.deps.sealer,
  });
  const receiver = await startWebhookReceiver();
  let dispatcher: LocalDispatcher | undefined;
  const manager = { ...env.coordinator, role: 'coordinator' as const };
  const subscribe = () =>
    createWebhook({ url: receiver.url, eventTypes: ['voucher.redeemed'] }, manager, {
      ...env.deps,
      webhooks: { ...env.deps.webhooks, urlPolicy: 'local-development' },
    });
  try {
    dispatcher = startLocalDispatcher({
      endpoint: env.db.endpoint,
      streamArn: await latestStreamArn(client, env.table.tableName),
      deps,
      logger,
      idleMs: pollIdleMs,
    });
    const vouchers = await issueVouchers(env.deps, env.coordinator, samples * 2 + 21);
    // Catch up first, with no subscription: the stream holds every earlier bench step. Caught
    // up once a fresh redemption is in the feed.
    const probe = vouchers.pop();
    const probeFrom = `${encodeTime(Date.now() - 5_000, 10)}0000000000000000`;
    await apiRedemption(env.baseUrl, env.keys.volunteer, probe?.token ?? '');
    const probeArrived = feedWatcher(env, probeFrom, probe?.id ?? '');
    for (const deadline = Date.now() + 600_000; !(await probeArrived()); ) {
      if (Date.now() > deadline) throw new Error('the dispatcher did not catch up with the stream');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const subscription = await subscribe();
    const arrivedFor = (voucherId: string) =>
      receiver.received.find((request) => request.body.includes(`"voucherId":"${voucherId}"`));
    // (1) one at a time: answer, then wait for its webhook.
    const delivery: number[] = [];
    for (let i = 0; i < samples; i++) {
      const voucher = vouchers.pop();
      const status = await apiRedemption(env.baseUrl, env.keys.volunteer, voucher?.token ?? '');
      const answered = Date.now();
      if (status !== 200) throw new Error(`redemption answered ${status}`);
      for (const deadline = answered + 30_000; arrivedFor(voucher?.id ?? '') === undefined; ) {
        if (Date.now() > deadline) throw new Error('a webhook did not arrive within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      delivery.push((arrivedFor(voucher?.id ?? '')?.at ?? answered) - answered);
    }
    await deleteWebhook({ webhookId: subscription.id }, manager, env.deps);

    // (2) the hot path with and without a subscription listening.
    const none: number[] = [];
    const one: number[] = [];
    for (let block = 0; block < samples / 25; block++) {
      const active = block % 2 === 1 ? await subscribe() : undefined;
      for (let i = 0; i < 25; i++) {
        const voucher = vouchers.pop();
        const started = performance.now();
        await apiRedemption(env.baseUrl, env.keys.volunteer, voucher?.token ?? '');
        (active === undefined ? none : one).push(performance.now() - started);
      }
      if (active !== undefined) await deleteWebhook({ webhookId: active.id }, manager, env.deps);
    }
    const noneSummary = summary(none);
    const oneSummary = summary(one);
    return {
      samples,
      delivery: summary(delivery),
      pollIdleMs,
      redemption: { none: noneSummary, oneSubscription: oneSummary },
      p50Ratio: ratio(oneSummary.p50, noneSummary.p50),
      p99Ratio: ratio(oneSummary.p99, noneSummary.p99),
    };
  } finally {
    await dispatcher?.stop();
    await receiver.close();
    client.destroy();
  }
}
