import { type Principal, scopeAllows } from '../domain/api-key.js';
import type { WebhookRecord } from '../domain/webhook.js';
import type { DomainEvent } from './event-schemas.js';

/** The shelters an event is about: its own, for a transfer both ends, for a round every shelter of it. */
export function eventShelters(event: DomainEvent): string[] {
  if (event.type === 'transfer.dispatched' || event.type === 'transfer.received') {
    return [event.data.fromShelterId, event.data.toShelterId];
  }
  if (event.type === 'round.opened' || event.type === 'round.closed') return event.data.shelterIds;
  return [event.shelterId];
}

const reaches = (shelterIds: '*' | string[], event: DomainEvent) =>
  eventShelters(event).some((shelterId) => scopeAllows(shelterIds, shelterId));

/**
 * Who may hear an event. A voucher's events belong to the organisation that issued it, and to
 * no other, whatever the shelter; a round's event to the organisation it was made for (one per
 * organisation sharing the round), if its key reaches one of the round's shelters; a shelter's
 * events (stock, transfers) to every organisation whose key reaches the shelter. The rule is the
 * same for a webhook and for the pull feed.
 */
function visibleTo(orgId: string, shelterIds: '*' | string[], event: DomainEvent): boolean {
  if ('orgId' in event) return event.orgId === orgId && reaches(shelterIds, event);
  return reaches(shelterIds, event);
}

/** A subscription hears an event of a type it asked for, about a shelter it reaches. */
export function subscriptionHears(webhook: WebhookRecord, event: DomainEvent): boolean {
  return (
    webhook.status === 'active' &&
    webhook.eventTypes.includes(event.type) &&
    visibleTo(webhook.orgId, webhook.shelterIds, event)
  );
}

/** The pull feed shows a key what its organisation would hear through a webhook with its scope. */
export function feedShows(viewer: Pick<Principal, 'orgId' | 'scope'>, event: DomainEvent): boolean {
  return visibleTo(viewer.orgId, viewer.scope.shelterIds, event);
}
