import { type AlertDigest, digestDue, digestText, type StockAlert } from '../domain/stock-alert.js';
import type { AlertPublisher } from '../events/alert-publisher.js';
import type { DomainEvent } from '../events/event-schemas.js';
import type { Logger } from '../logging/logger.js';
import type { Stores } from '../store/stores.js';

export interface StockAlertDeps {
  stores: Pick<Stores, 'alerts' | 'shelters' | 'items'>;
  publishAlert: AlertPublisher;
  now: () => Date;
  logger: Logger;
}

type AlertEvent = Extract<DomainEvent, { type: 'stock.low' | 'stock.out' | 'stock.cover-low' }>;

export const isStockAlert = (event: DomainEvent): event is AlertEvent =>
  event.type === 'stock.low' || event.type === 'stock.out' || event.type === 'stock.cover-low';

/** Holds a stock alert for its shelter's next digest (once per event, however often it is read). */
export async function noteStockAlert(
  event: AlertEvent,
  cover: number | null,
  deps: StockAlertDeps,
): Promise<void> {
  const alert: StockAlert = {
    eventId: event.id,
    type: event.type,
    itemId: event.data.itemId,
    available: event.data.available,
    daysOfCover: event.type === 'stock.cover-low' ? event.data.daysOfCover : cover,
    occurredAt: event.occurredAt,
  };
  await deps.stores.alerts.note(event.shelterId, alert);
}

/**
 * Sends every digest that is due: a shelter with alerts waiting and no digest in the last hour.
 * Called by the dispatcher after noting alerts, and by the retry schedule for the digests the
 * hour held back. A digest is published before its alerts are cleared, so a crash between the
 * two sends it twice rather than never (at least once).
 */
export async function sendDueAlertDigests(
  deps: StockAlertDeps,
  onlyShelters?: ReadonlySet<string>,
): Promise<{ sent: number }> {
  const now = deps.now();
  const due = (await deps.stores.alerts.list()).filter(
    (digest) => (onlyShelters === undefined || onlyShelters.has(digest.shelterId)) && digestDue(digest, now),
  );
  for (const digest of due) await sendDigest(digest, now, deps);
  return { sent: due.length };
}

async function sendDigest(digest: AlertDigest, now: Date, deps: StockAlertDeps): Promise<void> {
  const shelter = await deps.stores.shelters.get(digest.shelterId);
  const items = await deps.stores.items.getMany([...new Set(digest.pending.map((alert) => alert.itemId))]);
  await deps.publishAlert(digestText(shelter?.name ?? digest.shelterId, digest.pending, items));
  await deps.stores.alerts.markSent(digest, digest.pending.length, now);
  deps.logger.info('stock alert digest sent', { shelterId: digest.shelterId, alerts: digest.pending.length });
}
