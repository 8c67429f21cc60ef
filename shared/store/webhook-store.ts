import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SealedReply } from '../domain/idempotency.js';
import { type SigningSecret, type WebhookRecord, webhookRecordSchema } from '../domain/webhook.js';
import { ConflictError, NotFoundError } from '../errors/app-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { type CompletionWrite, sealedCompletionWrites } from './idempotency-store.js';
import { webhookKey, webhookListKey, webhookListSort } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactionWrite } from './transaction.js';

type WebhookWrite = { of: 'webhook' } | CompletionWrite;

const parseWebhook = (item: Record<string, unknown>) => parseRecord(webhookRecordSchema, item);

/**
 * Webhook subscriptions: the records, their listing, and the lease one worker holds on a
 * subscription's queue while it delivers (the queue itself is delivery-store.ts).
 */
export class WebhookStore {
  constructor(private readonly table: TableContext) {}

  /**
   * Stores a new subscription with, under an Idempotency-Key, its answer sealed for replays, in
   * one transaction: a retried create replays the first subscription (secret included) instead
   * of making a second. Refused on the key: IdempotencyClaimLostError, nothing written.
   */
  async create(record: WebhookRecord, reply: SealedReply): Promise<void> {
    await this.commit(
      {
        purpose: { of: 'webhook' },
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...webhookKey(record.id),
              gsi1pk: webhookListKey(),
              gsi1sk: webhookListSort(record.orgId, record.id),
              ...record,
            },
            // Ids are random; a collision would replace another organisation's subscription.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      reply,
      () => new Error(`Webhook id ${record.id} collided`),
    );
  }

  /**
   * Replaces the signing secrets (a rotation), with the sealed answer for replays, on condition
   * that the newest secret is still the one the rotation was planned from: two rotations at once
   * cannot both win, and neither drops a secret the other just made.
   */
  async replaceSecrets(
    webhookId: string,
    secrets: SigningSecret[],
    seen: { sealed: string } | { plaintext: string },
    reply: SealedReply,
  ): Promise<void> {
    const unchanged =
      'sealed' in seen
        ? { condition: 'signingSecrets[0].sealed = :seen', value: seen.sealed }
        : { condition: 'attribute_not_exists(signingSecrets) AND secret = :seen', value: seen.plaintext };
    await this.commit(
      {
        purpose: { of: 'webhook' },
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET signingSecrets = :secrets REMOVE secret',
            ConditionExpression: `attribute_exists(pk) AND ${unchanged.condition}`,
            ExpressionAttributeValues: { ':secrets': secrets, ':seen': unchanged.value },
          },
        },
      },
      reply,
      () =>
        new ConflictError(
          `The signing secret of webhook "${webhookId}" changed while this rotation ran (another rotation, or it was deleted). Read it again before rotating.`,
        ),
    );
  }

  /**
   * Seals the secret of a subscription stored before issue 24 (kept in clear then): the clear
   * text goes in the same write. Does nothing if it was sealed or rotated meanwhile.
   */
  async sealLegacySecret(webhookId: string, plaintext: string, sealed: SigningSecret): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: webhookKey(webhookId),
            UpdateExpression: 'SET signingSecrets = :secrets REMOVE secret',
            ConditionExpression: 'attribute_not_exists(signingSecrets) AND secret = :plain',
            ExpressionAttributeValues: { ':secrets': [sealed], ':plain': plaintext },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  private async commit(
    write: TransactionWrite<WebhookWrite>,
    reply: SealedReply,
    refusedOnWebhook: () => Error,
  ): Promise<void> {
    const result = await sendTransaction(this.table, [write, ...sealedCompletionWrites(this.table, reply)]);
    if (result.outcome === 'committed') return;
    if (result.refused.some((purpose) => purpose.of === 'idempotency-completion'))
      throw new IdempotencyClaimLostError();
    throw refusedOnWebhook();
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
