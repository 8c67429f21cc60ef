import { randomUUID } from 'node:crypto';
import type { SecretSealer } from '../auth/secret-sealer.js';
import { retryDelayMs, shouldDisable } from '../domain/retry-schedule.js';
import { ATTEMPT_LOG_LENGTH, type DeliveryAttempt } from '../domain/webhook.js';
import type { WebhookSender } from '../events/webhook-sender.js';
import type { Logger } from '../logging/logger.js';
import { MetricSet, type MetricsSink } from '../metrics/metrics.js';
import type { Stores } from '../store/stores.js';
import { openSigningSecrets, sealedLiveSecrets } from './webhook-secrets.js';

export interface DeliveryDeps {
  stores: Pick<Stores, 'webhooks' | 'deliveries'>;
  sender: WebhookSender;
  /** Opens the subscription's signing secrets for the pass (they are stored sealed). */
  sealer: SecretSealer;
  now: () => Date;
  logger: Logger;
  metrics: MetricsSink;
}

/** What one pass over a subscription's queue did, and what it left waiting. */
export interface QueuePass {
  delivered: number;
  failed: number;
  disabled: boolean;
  /**
   * When the oldest delivery still queued was queued; undefined when the queue is empty, was
   * abandoned, or another worker holds it now.
   */
  oldestQueuedAt: string | undefined;
}

const passOf = (delivered: number, rest: Partial<QueuePass> = {}): QueuePass => ({
  delivered,
  failed: 0,
  disabled: false,
  oldestQueuedAt: undefined,
  ...rest,
});

/** How long one worker holds a subscription's queue: longer than a pass of attempts takes. */
const QUEUE_LEASE_MS = 2 * 60_000;
/** Attempts per pass: a long queue is finished by the next pass (the retry schedule's, or the next event's). */
const ATTEMPTS_PER_PASS = 50;

const withAttempt = (log: DeliveryAttempt[], attempt: DeliveryAttempt) =>
  [...log, attempt].slice(-ATTEMPT_LOG_LENGTH);

/**
 * Delivers a subscription's queue in order, oldest first, while the receiver answers 2xx. The
 * first failure stops the pass (nothing overtakes the delivery at the head) and schedules its
 * retry; a subscription that has failed for 24 hours is disabled, with the reason kept. One
 * worker at a time per subscription (a lease on the subscription), so order holds across the
 * dispatcher and the retry schedule. Throws only what the table throws: receiver failures are
 * outcomes, recorded.
 */
export async function deliverQueue(webhookId: string, deps: DeliveryDeps): Promise<QueuePass> {
  const worker = randomUUID();
  const webhook = await deps.stores.webhooks.claimQueue(webhookId, worker, deps.now(), QUEUE_LEASE_MS);
  if (webhook === undefined) return passOf(0);
  let delivered = 0;
  try {
    // Opened once per pass, held only while it runs. The newest never retires, so one is live.
    const secrets = await openSigningSecrets(webhook, deps.sealer, deps.now());
    if (secrets === undefined) throw new Error(`Webhook ${webhookId} has no live signing secret`);
    while (delivered < ATTEMPTS_PER_PASS) {
      const queued = await deps.stores.deliveries.queued(webhookId, 10);
      if (queued.length === 0) return passOf(delivered);
      for (const item of queued) {
        const now = deps.now();
        const due = item.delivery.nextAttemptAt;
        if (due !== undefined && Date.parse(due) > now.getTime())
          return passOf(delivered, { oldestQueuedAt: item.delivery.createdAt });
        const outcome = await deps.sender(
          { url: webhook.url, secrets, eventId: item.delivery.eventId, payload: item.payload },
          now,
        );
        const log = withAttempt(item.delivery.attemptLog, outcome.attempt);
        if (outcome.delivered) {
          await deps.stores.deliveries.recordDelivered(webhookId, item, log, now);
          delivered++;
          continue;
        }
        const error = outcome.error ?? 'not delivered';
        const failingSince = webhook.failingSince ?? now.toISOString();
        if (shouldDisable(failingSince, now)) {
          const reason = `Every delivery failed for 24 hours (since ${failingSince}); the last: ${error}. Fix the receiver, then POST /v1/webhooks/${webhookId}/enable.`;
          await deps.stores.webhooks.disable(webhookId, reason, now);
          await deps.stores.deliveries.abandonQueued(webhookId, now);
          deps.logger.warn('webhook disabled after 24 hours of failure', { webhookId });
          return passOf(delivered, { failed: 1, disabled: true });
        }
        const next = new Date(now.getTime() + retryDelayMs(item.delivery.attempts + 1)).toISOString();
        await deps.stores.deliveries.recordFailure(webhookId, item.delivery, log, next, error, now);
        return passOf(delivered, { failed: 1, oldestQueuedAt: item.delivery.createdAt });
      }
    }
    // The pass's share is spent with more queued: the next one in line is the oldest waiting.
    const [next] = await deps.stores.deliveries.queued(webhookId, 1);
    return passOf(delivered, { oldestQueuedAt: next?.delivery.createdAt });
  } finally {
    await deps.stores.webhooks.releaseQueue(webhookId, worker);
  }
}

/** Deliveries made, failed and subscriptions disabled by some passes, into a unit of work's metrics. */
export function recordDeliveries(metrics: MetricSet, passes: readonly QueuePass[]): void {
  const sum = (of: (pass: QueuePass) => number) => passes.reduce((total, pass) => total + of(pass), 0);
  const delivered = sum((pass) => pass.delivered);
  const failed = sum((pass) => pass.failed);
  const disabled = sum((pass) => (pass.disabled ? 1 : 0));
  if (delivered > 0) metrics.count('WebhookDeliveries', delivered);
  if (failed > 0) metrics.count('WebhookDeliveriesFailed', failed);
  if (disabled > 0) metrics.count('WebhooksDisabled', disabled);
}

/**
 * The retry schedule's pass: every active subscription's queue, whatever is due. Runs every
 * minute on AWS (EventBridge) and every second under `npm start`. Its metrics: what it delivered
 * and failed, and the age of the oldest delivery it left queued. A pass that did nothing and
 * left nothing waiting writes no line (the dashboard reads the gap as nothing waiting).
 */
export async function deliverDueWebhooks(deps: DeliveryDeps): Promise<{ delivered: number }> {
  await sealLegacySecrets(deps);
  const passes: QueuePass[] = [];
  for (const webhook of await deps.stores.webhooks.listActive()) {
    passes.push(await deliverQueue(webhook.id, deps));
  }
  const now = deps.now();
  const metrics = new MetricSet();
  recordDeliveries(metrics, passes);
  const oldest = passes.flatMap((pass) =>
    pass.oldestQueuedAt === undefined ? [] : [Date.parse(pass.oldestQueuedAt)],
  );
  if (oldest.length > 0) metrics.age('OldestUndeliveredAge', now.getTime() - Math.min(...oldest));
  deps.metrics.publish(metrics, now);
  return { delivered: passes.reduce((total, pass) => total + pass.delivered, 0) };
}

/** The webhook stores (one per process) whose table was found to hold no secret in clear. */
const noneInClear = new WeakSet<object>();

/**
 * Subscriptions stored before issue 24 kept their secret in clear; the first retry pass after the
 * deploy seals each one (active or disabled), so within a minute the table holds none in clear.
 * No subscription is stored in clear any more, so once a pass finds none, this process stops
 * looking (one listing per instance, not one a minute).
 */
async function sealLegacySecrets(deps: DeliveryDeps): Promise<void> {
  if (noneInClear.has(deps.stores.webhooks)) return;
  let cursor: string | undefined;
  do {
    const page = await deps.stores.webhooks.list(undefined, 200, cursor);
    for (const webhook of page.items) {
      if (webhook.secret === undefined || webhook.signingSecrets !== undefined) continue;
      const [sealed] = await sealedLiveSecrets(webhook, deps.sealer, deps.now());
      if (sealed !== undefined)
        await deps.stores.webhooks.sealLegacySecret(webhook.id, webhook.secret, sealed);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  noneInClear.add(deps.stores.webhooks);
}
