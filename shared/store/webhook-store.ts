import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import {
  type Delivery,
  type DeliveryAttempt,
  deliverySchema,
  type WebhookRecord,
  webhookRecordSchema,
} from '../domain/webhook.js';
import { NotFoundError } from '../errors/app-errors.js';
import { conditionalPut } from './conditional-put.js';
import {
  DONE_DELIVERY_PREFIX,
  doneDeliveryKey,
  PENDING_DELIVERY_PREFIX,
  pendingDeliveryKey,
  webhookKey,
  webhookListKey,
  webhookListSort,
} from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction } from './transaction.js';

/** A queued delivery and the exact payload it sends (the same bytes on every attempt). */
export interface QueuedDelivery {
  delivery: Delivery;
  payload: string;
}

const queuedSchema = deliverySchema.extend({ payload: z.string() }).strict();
const parseWebhook = (item: Record<string, unknown>) => parseRecord(webhookRecordSchema, item);
const parseQueued = (item: Record<string, unknown>): QueuedDelivery => {
  const { payload, ...delivery } = parseRecord(queuedSchema, item);
  return { delivery, payload };
};

/**
 * Webhook subscriptions and their delivery queues. Each subscription's deliveries live in its
 * own partition: `PENDING#<seq>` while waiting (read oldest first, so they go out in feed order),
 * `DONE#<seq>` once delivered or abandoned, kept 7 days for `GET .../deliveries`.
 */
export class WebhookStore {
  constructor(
    private readonly table: TableContext,
    private readonly doneRetentionSeconds = 7 * 86_400,
  ) {}

  async create(record: WebhookRecord): Promise<void> {
    const outcome = await conditionalPut(this.table, {
      item: {
        ...webhookKey(record.id),
        gsi1pk: webhookListKey(),
        gsi1sk: webhookListSort(record.orgId, record.id),
        ...record,
      },
      // Ids are random; a collision would replace another organisation's subscription.
      condition: 'attribute_not_exists(pk)',
    });
    if (!outcome.written) throw new Error(`Webhook id ${record.id} collided`);
  }

  async get(webhookId: string): Promise<WebhookRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: webhookKey(webhookId), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : parseWebhook(result.Item);
  }

  /** One organisation's subscriptions, or (no organisation) every subscription. */
  list(orgId: string | undefined, limit: number, cursor?: string): Promise<Page<WebhookRecord>> {
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression:
          orgId === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :org)',
        ExpressionAttributeValues: {
          ':pk': webhookListKey(),
          ...(orgId === undefined ? {} : { ':org': `${orgId}#` }),
        },
        Limit: limit,
      },
      { partition: { gsi1pk: webhookListKey() }, cursor, read: parseWebhook },
    );
  }

  /** Every active subscription, for the dispatcher (subscriptions are few: one page or two). */
  async listActive(): Promise<WebhookRecord[]> {
    const active: WebhookRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(undefined, 200, cursor);
      active.push(...page.items.filter((webhook) => webhook.status === 'active'));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return active;
  }

  /** Removes the subscription and everything queued or kept for it. */
  async delete(webhookId: string): Promise<void> {
    for (;;) {
      const page = await callDynamo(() =>
        this.table.doc.send(
          new QueryCommand({
            TableName: this.table.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': webhookKey(webhookId).pk },
            ProjectionExpression: 'pk, sk',
            Limit: 25,
          }),
        ),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: item.pk, sk: item.sk }));
      if (keys.length === 0) return;
      await callDynamo(() =>
        this.table.doc.send(
          new BatchWriteCommand({
            RequestItems: { [this.table.tableName]: keys.map((Key) => ({ DeleteRequest: { Key } })) },
          }),
        ),
      );
    }
  }

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

  /**
   * Takes the subscription's queue for `leaseMs`, so one worker at a time delivers it, in order.
   * Undefined when another worker holds it or the subscription is gone or disabled.
   */
  async claimQueue(
    webhookId: string,
    worker: string,
    now: Date,
    leaseMs: number,
  ): Promise<WebhookRecord | undefined> {
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET drainingUntil = :until, drainedBy = :worker',
            ConditionExpression:
              'attribute_exists(pk) AND #status = :active AND (attribute_not_exists(drainingUntil) OR drainingUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':until': new Date(now.getTime() + leaseMs).toISOString(),
              ':worker': worker,
              ':active': 'active',
              ':now': now.toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseWebhook(result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) return undefined;
      throw err;
    }
  }

  async releaseQueue(webhookId: string, worker: string): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'REMOVE drainingUntil, drainedBy',
            // Only the holder releases: a lease that ran out may be someone else's by now.
            ConditionExpression: 'drainedBy = :worker',
            ExpressionAttributeValues: { ':worker': worker },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
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
   * Disables a subscription that failed for the whole retry window: the reason is kept for its
   * organisation to read, and what was still queued is abandoned (kept, visible, redeliverable).
   */
  async disable(webhookId: string, reason: string, now: Date): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: webhookKey(webhookId),
          UpdateExpression: 'SET #status = :disabled, disabledAt = :now, disabledReason = :reason',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':disabled': 'disabled',
            ':now': now.toISOString(),
            ':reason': reason,
          },
        }),
      ),
    );
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

  /** Turns a disabled subscription back on, with a clean record of failure. */
  async enable(webhookId: string): Promise<WebhookRecord> {
    try {
      const result = await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression:
              'SET #status = :active REMOVE disabledAt, disabledReason, failingSince, lastError',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':active': 'active' },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return parseWebhook(result.Attributes ?? {});
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('Webhook', webhookId);
      throw err;
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
