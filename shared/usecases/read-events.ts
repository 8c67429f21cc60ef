import { z } from '@hono/zod-openapi';
import { encodeTime } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import { eventTypeSchema } from '../domain/webhook.js';
import { ValidationError } from '../errors/app-errors.js';
import { feedShows } from '../events/event-audience.js';
import type { DomainEvent, EventType } from '../events/event-schemas.js';
import type { Stores } from '../store/stores.js';

export const eventQuerySchema = z
  .object({
    after: z
      .string()
      .max(26)
      .regex(
        /^[0-9A-HJKMNP-TV-Z]{26}$/,
        'not a cursor from this feed: send the nextCursor of a previous page',
      )
      .optional()
      .openapi({
        description: 'The `nextCursor` of the previous page; the oldest kept event (7 days) when absent.',
      }),
    types: z.string().max(500).optional().openapi({
      description: 'Comma-separated event types; every type when absent.',
      example: 'voucher.redeemed,stock.low',
    }),
    limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ format: 'int32' }),
  })
  .strict();
export type EventQuery = z.infer<typeof eventQuerySchema>;

export interface EventPage {
  items: Array<DomainEvent & { cursor: string }>;
  /** Where to continue: pass it as `after`. The same as `after` when nothing new has come. */
  nextCursor: string | null;
}

/**
 * How long the feed holds back what was just stored. Dispatchers on different stream shards
 * take positions a moment before they write; an event is shown only once every position before
 * it has been written, so a cursor never moves past an event that arrives later.
 */
export const FEED_SETTLE_MS = 2_000;
/** Feed entries read per request at most, however few of them this key may see. */
const MAX_READ_PER_REQUEST = 2_000;

function parseTypes(raw: string | undefined): ReadonlySet<EventType> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const asked = raw.split(',').map((type) => type.trim());
  const eventTypes: readonly string[] = eventTypeSchema.options;
  const unknown = asked.filter((type) => !eventTypes.includes(type));
  if (unknown.length > 0) {
    throw new ValidationError('Unknown event type.', [
      { field: 'types', message: `unknown: ${unknown.join(', ')}; known: ${eventTypes.join(', ')}` },
    ]);
  }
  return new Set(asked as EventType[]);
}

/**
 * The pull feed: the events this key's organisation would hear by webhook, in feed order, from
 * a cursor. Cursors are positions in the feed, stable across calls: reading from the same
 * cursor again gives the same events (until they age out after 7 days).
 */
export async function readEvents(
  input: EventQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'events'>; now: () => Date },
): Promise<EventPage> {
  const types = parseTypes(input.types);
  // The highest position of the settled part of the feed: its time, and the largest randomness.
  const until = `${encodeTime(deps.now().getTime() - FEED_SETTLE_MS, 10)}ZZZZZZZZZZZZZZZZ`;
  const items: EventPage['items'] = [];
  let position = input.after;
  for (let read = 0; items.length < input.limit && read < MAX_READ_PER_REQUEST; ) {
    const page = await deps.stores.events.read(
      position,
      until,
      Math.min(200, input.limit - items.length + 50),
    );
    read += page.entries.length;
    for (const entry of page.entries) {
      position = entry.seq;
      if ((types === undefined || types.has(entry.event.type)) && feedShows(viewer, entry.event)) {
        items.push({ ...entry.event, cursor: entry.seq });
        if (items.length === input.limit) break;
      }
    }
    if (!page.more || page.entries.length === 0) break;
  }
  return { items, nextCursor: position ?? null };
}
