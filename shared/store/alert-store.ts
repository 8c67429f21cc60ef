import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AlertDigest, alertDigestSchema, type StockAlert } from '../domain/stock-alert.js';
import { alertDigestKey, alertDigestListKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

const parseDigest = (item: Record<string, unknown>) => parseRecord(alertDigestSchema, item);

/**
 * Stock alerts waiting for their shelter's digest. Alerts append to the shelter's record (once
 * per event id, so a stream record read again adds nothing); a sent digest takes exactly the
 * alerts it named off the front of the list, so alerts noted meanwhile wait for the next one.
 */
export class AlertStore {
  constructor(private readonly table: TableContext) {}

  async note(shelterId: string, alert: StockAlert): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: alertDigestKey(shelterId),
            UpdateExpression:
              'SET shelterId = :shelter, gsi1pk = :list, gsi1sk = :shelter, pending = list_append(if_not_exists(pending, :empty), :alert), eventIds = list_append(if_not_exists(eventIds, :empty), :id)',
            ConditionExpression: 'attribute_not_exists(eventIds) OR NOT contains(eventIds, :eventId)',
            ExpressionAttributeValues: {
              ':shelter': shelterId,
              ':list': alertDigestListKey(),
              ':empty': [],
              ':alert': [alert],
              ':id': [alert.eventId],
              ':eventId': alert.eventId,
            },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  /** One shelter's digest state; undefined when it never had an alert. */
  async get(shelterId: string): Promise<AlertDigest | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: alertDigestKey(shelterId) }),
      ),
    );
    return result.Item === undefined ? undefined : parseDigest(result.Item);
  }

  /** Every shelter's digest state (one record per shelter that ever had an alert). */
  async list(): Promise<AlertDigest[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': alertDigestListKey() },
    });
    return items.map(parseDigest);
  }

  /** Records a digest sent with the first `count` pending alerts: they leave, the rest stay. */
  async markSent(digest: AlertDigest, count: number, sentAt: Date): Promise<void> {
    const indexes = Array.from({ length: count }, (_, i) => i);
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: alertDigestKey(digest.shelterId),
          UpdateExpression: `SET lastSentAt = :now REMOVE ${indexes.map((i) => `pending[${i}]`).join(', ')}`,
          // Appends only add at the end, so the first `count` are still the ones sent.
          ConditionExpression: 'size(pending) >= :count',
          ExpressionAttributeValues: { ':now': sentAt.toISOString(), ':count': count },
        }),
      ),
    );
  }
}
