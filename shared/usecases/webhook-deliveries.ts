import { z } from '@hono/zod-openapi';
import type { SecretSealer } from '../auth/secret-sealer.js';
import type { Principal } from '../domain/api-key.js';
import { pageQuerySchema } from '../domain/page-query.js';
import { ATTEMPT_LOG_LENGTH, type Delivery } from '../domain/webhook.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { WebhookSender } from '../events/webhook-sender.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';
import { loadManagedWebhook } from './webhook-access.js';
import { openSigningSecrets } from './webhook-secrets.js';

export const deliveryQuerySchema = pageQuerySchema
  .extend({
    state: z.enum(['queued', 'past']).default('past').openapi({
      description:
        '`queued`: waiting to go out, oldest first (the head is the one being retried); `past`: delivered or abandoned, newest first (kept 7 days).',
    }),
  })
  .strict();
export type DeliveryQuery = z.infer<typeof deliveryQuerySchema>;

/** A subscription's deliveries: each with its attempts (status, response code, latency) and next retry. */
export async function listWebhookDeliveries(
  input: DeliveryQuery & { webhookId: string },
  viewer: Principal,
  deps: { stores: Pick<Stores, 'webhooks' | 'deliveries'> },
): Promise<Page<Delivery>> {
  await loadManagedWebhook(input.webhookId, viewer, deps.stores);
  return deps.stores.deliveries.listDeliveries(input.webhookId, input.state, input.limit, input.cursor);
}

/**
 * Sends one delivery again now, by hand, whatever its state: a past one (delivered, or
 * abandoned when its subscription was disabled) or the queued one a receiver now accepts. The
 * attempt is recorded on the delivery like any other; the answer is the delivery afterwards.
 */
export async function redeliverWebhook(
  input: { webhookId: string; deliveryId: string },
  viewer: Principal,
  deps: {
    stores: Pick<Stores, 'webhooks' | 'deliveries'>;
    webhooks: { sender: WebhookSender };
    sealer: SecretSealer;
    now: () => Date;
  },
): Promise<Delivery> {
  const webhook = await loadManagedWebhook(input.webhookId, viewer, deps.stores);
  const found = await deps.stores.deliveries.getDelivery(input.webhookId, input.deliveryId);
  if (found === undefined) throw new NotFoundError('Delivery', input.deliveryId);
  const now = deps.now();
  const secrets = await openSigningSecrets(webhook, deps.sealer, now);
  if (secrets === undefined) throw new Error(`Webhook ${webhook.id} has no live signing secret`);
  const outcome = await deps.webhooks.sender(
    { url: webhook.url, secrets, eventId: found.delivery.eventId, payload: found.payload },
    now,
  );
  const log = [...found.delivery.attemptLog, { ...outcome.attempt, manual: true }].slice(-ATTEMPT_LOG_LENGTH);
  if (found.delivery.status === 'pending') {
    if (outcome.delivered) await deps.stores.deliveries.recordDelivered(input.webhookId, found, log, now);
    else {
      // A failed try by hand is on the record, and leaves the retry schedule where it was.
      const next = found.delivery.nextAttemptAt ?? now.toISOString();
      const error = outcome.error ?? 'not delivered';
      await deps.stores.deliveries.recordFailure(input.webhookId, found.delivery, log, next, error, now);
    }
  } else {
    await deps.stores.deliveries.recordRedelivery(
      input.webhookId,
      found.delivery,
      log,
      outcome.delivered,
      now,
    );
  }
  const after = await deps.stores.deliveries.getDelivery(input.webhookId, input.deliveryId);
  return after?.delivery ?? found.delivery;
}
