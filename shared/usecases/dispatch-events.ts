import type { Delivery } from '../domain/webhook.js';
import { subscriptionHears } from '../events/event-audience.js';
import type { DomainEvent } from '../events/event-schemas.js';
import { eventsFromChange } from '../events/events-from-change.js';
import type { TableChange } from '../events/table-change.js';
import type { Stores } from '../store/stores.js';
import { type DeliveryDeps, deliverQueue } from './deliver-webhooks.js';

export interface DispatchDeps extends DeliveryDeps {
  stores: Pick<Stores, 'events' | 'webhooks'>;
  /** The feed position of the next event stored: increasing within this process (a monotonic ULID). */
  nextSeq: () => string;
}

/**
 * The dispatcher: one batch of the table's stream, in stream order, becomes events stored in the
 * feed and queued for every subscription that hears them, then delivered. Idempotent, so that
 * the stream's at-least-once delivery is harmless: an event read again keeps its first feed
 * position and is queued for no one twice. A failure to store or queue throws (the batch is
 * offered again); a receiver that fails is a recorded outcome, retried on its own schedule.
 * The same function runs in the dispatcher Lambda and under `npm start`.
 */
export async function dispatchTableChanges(
  changes: readonly TableChange[],
  deps: DispatchDeps,
): Promise<void> {
  const events = changes.flatMap(eventsFromChange);
  if (events.length === 0) return;
  const webhooks = await deps.stores.webhooks.listActive();
  const touched = new Set<string>();
  for (const event of events) {
    const now = deps.now();
    const { seq } = await deps.stores.events.append(event, deps.nextSeq(), now);
    const payload = JSON.stringify(event);
    for (const webhook of webhooks) {
      if (!subscriptionHears(webhook, event)) continue;
      await deps.stores.webhooks.enqueue(webhook.id, queuedDelivery(webhook.id, seq, event, now), payload);
      touched.add(webhook.id);
    }
  }
  // Subscriptions are independent of each other: one slow receiver does not hold up the rest.
  await Promise.all([...touched].map((webhookId) => deliverQueue(webhookId, deps)));
}

function queuedDelivery(webhookId: string, seq: string, event: DomainEvent, now: Date): Delivery {
  return {
    id: seq,
    webhookId,
    eventId: event.id,
    eventType: event.type,
    status: 'pending',
    createdAt: now.toISOString(),
    attempts: 0,
    attemptLog: [],
  };
}
