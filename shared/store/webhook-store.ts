import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type WebhookRecord, webhookRecordSchema } from '../domain/webhook.js';
import { NotFoundError } from '../errors/app-errors.js';
import { conditionalPut } from './conditional-put.js';
import { webhookKey, webhookListKey, webhookListSort } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

const parseWebhook = (item: Record<string, unknown>) => parseRecord(webhookRecordSchema, item);

/**
 * Webhook subscriptions: the records, their listing, and the lease one worker holds on a
 * subscription's queue while it delivers (the queue itself is delivery-store.ts).
 */
export class WebhookStore {
  constructor(private readonly table: TableContext) {}

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

  /**
   * Disables a subscription that failed for the whole retry window: the reason is kept for its
   * organisation to read. What was still queued is abandoned by the delivery store.
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
}
