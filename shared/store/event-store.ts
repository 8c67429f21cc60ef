import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import { type DomainEvent, domainEventSchema } from '../events/event-schemas.js';
import { EVENT_FEED_PARTITION, eventFeedKey, eventMarkerKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction } from './transaction.js';

/** An event as the feed holds it: its position (`seq`) and the event itself. */
export interface FeedEntry {
  seq: string;
  event: DomainEvent;
}

const feedRecordSchema = z.object({ seq: z.string(), event: domainEventSchema }).strict();
const markerSchema = z.object({ seq: z.string(), eventId: z.string() }).strict();

/** Smallest string above every 26-character ULID equal to or below `seq` (the feed is exclusive of its cursor). */
const justAfter = (seq: string) => `${seq}0`;

/**
 * The event feed: every event once, in dispatch order, for 7 days (DynamoDB TTL). Appending is
 * idempotent by the event's deterministic id, so a stream record read twice (a retry, a
 * restart, Lambda's redelivery) keeps its first position and is not fed twice.
 */
export class EventStore {
  constructor(
    private readonly table: TableContext,
    private readonly retentionSeconds = 7 * 86_400,
  ) {}

  /** Stores the event at `seq` unless it is stored already; answers where it is. */
  async append(event: DomainEvent, seq: string, now: Date): Promise<{ seq: string; fresh: boolean }> {
    const ttl = Math.floor(now.getTime() / 1000) + this.retentionSeconds;
    const result = await sendTransaction(this.table, [
      {
        purpose: 'marker',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...eventMarkerKey(event.id), seq, eventId: event.id, ttl },
            // The same event from a stream record read again: keep the first position.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        purpose: 'feed',
        item: { Put: { TableName: this.table.tableName, Item: { ...eventFeedKey(seq), seq, event, ttl } } },
      },
    ]);
    if (result.outcome === 'committed') return { seq, fresh: true };
    const marker = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: eventMarkerKey(event.id),
          ConsistentRead: true,
        }),
      ),
    );
    if (marker.Item === undefined) throw new Error(`Event ${event.id} was refused but has no marker`);
    return { seq: parseRecord(markerSchema, marker.Item).seq, fresh: false };
  }

  /**
   * Up to `limit` entries after `after` (exclusive) and up to `until` (inclusive), oldest first,
   * and the position the read reached (to continue from even when a caller keeps none of them).
   */
  async read(
    after: string | undefined,
    until: string,
    limit: number,
  ): Promise<{ entries: FeedEntry[]; reached: string | undefined; more: boolean }> {
    const lower = after === undefined ? '0' : justAfter(after);
    if (lower > until) return { entries: [], reached: undefined, more: false };
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lower AND :until',
          ExpressionAttributeValues: { ':pk': EVENT_FEED_PARTITION, ':lower': lower, ':until': until },
          Limit: limit,
        }),
      ),
    );
    const entries = (result.Items ?? []).map((item) => parseRecord(feedRecordSchema, item));
    return {
      entries,
      reached: entries.at(-1)?.seq,
      more: result.LastEvaluatedKey !== undefined,
    };
  }
}
