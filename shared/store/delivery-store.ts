import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import { type Delivery, type DeliveryAttempt, deliverySchema } from '../domain/webhook.js';
import {
  DONE_DELIVERY_PREFIX,
  doneDeliveryKey,
  PENDING_DELIVERY_PREFIX,
  pendingDeliveryKey,
  webhookKey,
} from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction } from './transaction.js';

/** A queued delivery and the exact payload it sends (the same bytes on every attempt). */
export interface QueuedDelivery {
  delivery: Delivery;
  payload: string;
}

const queuedSchema = deliverySchema.extend({ payload: z.string() }).strict();
const parseQueued = (item: Record<string, unknown>): QueuedDelivery => {
  const { payload, ...delivery } = parseRecord(queuedSchema, item);
  return { delivery, payload };
};

/**
 * The delivery queues of webhook subscriptions. Each subscription's deliveries live in its own
 * partition, beside the subscription record: `PENDING#<seq>` while waiting (read oldest first,
 * so they go out in feed order), `DONE#<seq>` once delivered or abandoned, kept 7 days for
 * `GET .../deliveries`. Recording an attempt also marks the subscription failing or healthy, in
 * the same transaction.
 */
export class DeliveryStore {
  constructor(
    private readonly table: TableContext,
    private readonly doneRetentionSeconds = 7 * 86_400,
  ) {}

  /**
   * Queues one event for one subscription, once: a second enqueue of the same position (a stream
   * record read again) finds it queued or already delivered and does nothing.
   */
  async enqueue(webhookId: string, delivery: Delivery, payload: string): Promise<void> {
    await sendTransaction(this.table, [
      {
        purpose: 'queued',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...pendingDeliveryKey(webhookId, delivery.id), ...delivery, payload },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        purpose: 'done',
        item: {
          ConditionCheck: {
            TableName: this.table.tableName,
            Key: doneDeliveryKey(webhookId, delivery.id),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ]);
  }

  /** The oldest queued deliveries, in the order they must go out. */
  async queued(webhookId: string, limit: number): Promise<QueuedDelivery[]> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :pending)',
          ExpressionAttributeValues: { ':pk': webhookKey(webhookId).pk, ':pending': PENDING_DELIVERY_PREFIX },
          ConsistentRead: true,
          Limit: limit,
        }),
      ),
    );
    return (result.Items ?? []).map(parseQueued);
  }

  /** One delivery, queued or past. */
  async getDelivery(webhookId: string, seq: string): Promise<QueuedDelivery | undefined> {
    for (const key of [pendingDeliveryKey(webhookId, seq), doneDeliveryKey(webhookId, seq)]) {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
        ),
      );
      if (result.Item !== undefined) return parseQueued(result.Item);
    }
    return undefined;
  }

  /** A failed attempt on a queued delivery, and when to try it next; the subscription is marked failing. */
  async recordFailure(
    webhookId: string,
    queued: Delivery,
    attemptLog: DeliveryAttempt[],
    nextAttemptAt: string,
    error: string,
    now: Date,
  ): Promise<void> {
    await sendTransaction(this.table, [
      {
        purpose: 'delivery',
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: pendingDeliveryKey(webhookId, queued.id),
            UpdateExpression: 'SET attempts = :attempts, attemptLog = :log, nextAttemptAt = :next',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':attempts': queued.attempts + 1,
              ':log': attemptLog,
              ':next': nextAttemptAt,
            },
          },
        },
      },
      {
        purpose: 'webhook',
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :now), lastError = :error',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':now': now.toISOString(), ':error': error },
          },
        },
      },
    ]);
  }

  /** A successful attempt: the delivery leaves the queue, and the subscription is healthy again. */
  async recordDelivered(
    webhookId: string,
    queued: QueuedDelivery,
    attemptLog: DeliveryAttempt[],
    now: Date,
  ): Promise<void> {
    const { nextAttemptAt: _next, ...rest } = queued.delivery;
    const done: Delivery = {
      ...rest,
      status: 'delivered',
      attempts: queued.delivery.attempts + 1,
      attemptLog,
      deliveredAt: now.toISOString(),
    };
    await sendTransaction(this.table, [
      ...this.moveToDone(webhookId, done, queued.payload, now),
      {
        purpose: 'webhook',
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'REMOVE failingSince, lastError',
          },
        },
      },
    ]);
  }

  /** A by-hand redelivery of a past delivery: its attempt is added to the record. */
  async recordRedelivery(
    webhookId: string,
    past: Delivery,
    attemptLog: DeliveryAttempt[],
    delivered: boolean,
    now: Date,
  ): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: doneDeliveryKey(webhookId, past.id),
          UpdateExpression: delivered
            ? 'SET attempts = :attempts, attemptLog = :log, #status = :delivered, deliveredAt = :now'
            : 'SET attempts = :attempts, attemptLog = :log',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: delivered ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: {
            ':attempts': past.attempts + 1,
            ':log': attemptLog,
            ...(delivered ? { ':delivered': 'delivered', ':now': now.toISOString() } : {}),
          },
        }),
      ),
    );
  }

  /**
   * Abandons what is still queued for a subscription that was disabled: each delivery is kept,
   * visible and redeliverable by hand, among the past ones.
   */
  async abandonQueued(webhookId: string, now: Date): Promise<void> {
    for (;;) {
      const queued = await this.queued(webhookId, 25);
      if (queued.length === 0) return;
      for (const item of queued) {
        const { nextAttemptAt: _next, ...rest } = item.delivery;
        await sendTransaction(
          this.table,
          this.moveToDone(webhookId, { ...rest, status: 'abandoned' }, item.payload, now),
        );
      }
    }
  }

  /** Queued deliveries oldest first, or past ones newest first. */
  listDeliveries(
    webhookId: string,
    state: 'queued' | 'past',
    limit: number,
    cursor?: string,
  ): Promise<Page<Delivery>> {
    const pk = webhookKey(webhookId).pk;
    return queryPage(
      this.table,
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':prefix': state === 'queued' ? PENDING_DELIVERY_PREFIX : DONE_DELIVERY_PREFIX,
        },
        ScanIndexForward: state === 'queued',
        Limit: limit,
      },
      { partition: { pk }, cursor, read: (item) => parseQueued(item).delivery },
    );
  }

  private moveToDone(webhookId: string, done: Delivery, payload: string, now: Date) {
    const ttl = Math.floor(now.getTime() / 1000) + this.doneRetentionSeconds;
    return [
      {
        purpose: 'queued',
        item: {
          Delete: {
            TableName: this.table.tableName,
            Key: pendingDeliveryKey(webhookId, done.id),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      },
      {
        purpose: 'done',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...doneDeliveryKey(webhookId, done.id), ...done, payload, ttl },
          },
        },
      },
    ];
  }
}
