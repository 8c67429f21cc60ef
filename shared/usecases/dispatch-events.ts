import { DEFAULT_COVER_WARNING_DAYS } from '../domain/shelter.js';
import { daysOfCover } from '../domain/stock.js';
import type { Delivery } from '../domain/webhook.js';
import { subscriptionHears } from '../events/event-audience.js';
import type { DomainEvent } from '../events/event-schemas.js';
import { type CoverContext, eventsFromChange, roundClosedBy } from '../events/events-from-change.js';
import type { TableChange } from '../events/table-change.js';
import { MetricSet } from '../metrics/metrics.js';
import type { Stores } from '../store/stores.js';
import { type DeliveryDeps, deliverQueue, recordDeliveries } from './deliver-webhooks.js';
import { isStockAlert, noteStockAlert, type StockAlertDeps, sendDueAlertDigests } from './stock-alerts.js';

export interface DispatchDeps extends DeliveryDeps, StockAlertDeps {
  stores: Pick<
    Stores,
    'events' | 'webhooks' | 'deliveries' | 'alerts' | 'shelters' | 'items' | 'beneficiaries' | 'rounds'
  >;
  /** The feed position of the next event stored: increasing within this process (a monotonic ULID). */
  nextSeq: () => string;
}

/**
 * The dispatcher: one batch of the table's stream, in stream order, becomes events stored in the
 * feed and queued for every subscription that hears them, then delivered; stock alerts are held
 * for their shelter's digest; a voucher's final state schedules its beneficiary record's purge. Idempotent, so that the stream's at-least-once delivery is
 * harmless: an event read again keeps its first feed position, is queued for no one twice and
 * is noted for no digest twice. A failure to store or queue throws (the batch is offered again);
 * a receiver that fails is a recorded outcome, retried on its own schedule. The same function
 * runs in the dispatcher Lambda and under `npm start`. Once the batch is done it publishes its
 * metrics: events newly stored, deliveries, and how long after its change the batch's oldest
 * record was dispatched (a batch that fails publishes nothing: it is offered again).
 */
export async function dispatchTableChanges(
  changes: readonly TableChange[],
  deps: DispatchDeps,
): Promise<void> {
  const metrics = new MetricSet();
  await dispatchEvents(changes, deps, metrics);
  const now = deps.now();
  const changedAt = changes.flatMap((change) => (change.changedAt === undefined ? [] : [change.changedAt]));
  if (changedAt.length > 0)
    metrics.age('StreamIteratorAge', now.getTime() - Math.min(...changedAt.map((at) => at.getTime())));
  deps.metrics.publish(metrics, now);
}

async function dispatchEvents(
  changes: readonly TableChange[],
  deps: DispatchDeps,
  metrics: MetricSet,
): Promise<void> {
  const coverOf = coverLookup(deps);
  const events: Array<{ event: DomainEvent; cover: CoverContext | undefined }> = [];
  for (const change of changes) {
    const cover =
      change.record === 'stock-balance' && change.new !== undefined ? await coverOf(change.new) : undefined;
    // A round closes after its report is frozen (close-round.ts), so the report is there to read.
    const closed = roundClosedBy(change);
    const report = closed === undefined ? undefined : await deps.stores.rounds.report(closed);
    for (const event of eventsFromChange(change, cover, report)) events.push({ event, cover });
  }
  if (events.length === 0) return;
  const webhooks = await deps.stores.webhooks.listActive();
  const touched = new Set<string>();
  const alerted = new Set<string>();
  for (const { event, cover } of events) {
    const now = deps.now();
    const { seq, fresh } = await deps.stores.events.append(event, deps.nextSeq(), now);
    if (fresh) metrics.count('EventsDispatched');
    const payload = JSON.stringify(event);
    for (const webhook of webhooks) {
      if (!subscriptionHears(webhook, event)) continue;
      await deps.stores.deliveries.enqueue(webhook.id, queuedDelivery(webhook.id, seq, event, now), payload);
      touched.add(webhook.id);
    }
    if (
      event.type === 'voucher.redeemed' ||
      event.type === 'voucher.voided' ||
      event.type === 'voucher.expired'
    ) {
      // Retention, off the redemption's hot path: the beneficiary record's TTL counts from the
      // voucher's final time, so a late or repeated dispatch sets the same purge time.
      await deps.stores.beneficiaries.schedulePurge(event.data.voucherId, event.occurredAt);
    }
    if (isStockAlert(event)) {
      const days = cover === undefined ? null : daysOfCover(event.data.available, cover.population, cover);
      await noteStockAlert(event, days, deps);
      alerted.add(event.shelterId);
    }
  }
  // Subscriptions are independent of each other: one slow receiver does not hold up the rest.
  const [passes] = await Promise.all([
    Promise.all([...touched].map((webhookId) => deliverQueue(webhookId, deps))),
    alerted.size === 0 ? Promise.resolve() : sendDueAlertDigests(deps, alerted),
  ]);
  recordDeliveries(metrics, passes);
}

/** The shelter and item figures days of cover need, read once per batch per shelter and item. */
function coverLookup(deps: DispatchDeps) {
  const shelters = new Map<string, Promise<{ population: number; coverWarningDays: number } | undefined>>();
  const items = new Map<string, Promise<number | undefined>>();
  return async (balance: { shelterId: string; itemId: string }): Promise<CoverContext | undefined> => {
    if (!shelters.has(balance.shelterId)) {
      shelters.set(
        balance.shelterId,
        deps.stores.shelters.get(balance.shelterId).then((shelter) =>
          shelter === undefined
            ? undefined
            : {
                population: shelter.population,
                coverWarningDays: shelter.coverWarningDays ?? DEFAULT_COVER_WARNING_DAYS,
              },
        ),
      );
    }
    if (!items.has(balance.itemId)) {
      items.set(
        balance.itemId,
        deps.stores.items.get(balance.itemId).then((item) => item?.dailyNeedPerPerson),
      );
    }
    const shelter = await shelters.get(balance.shelterId);
    if (shelter === undefined) return undefined;
    return { ...shelter, dailyNeedPerPerson: await items.get(balance.itemId) };
  };
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
