import { randomUUID } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { IdempotencyClaim, StoredResponse } from '../domain/idempotency.js';
import { AppError } from '../errors/app-errors.js';
import { idempotencyKey } from './keys.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; response: StoredResponse };

export interface IdempotencyTimings {
  /** How long a completed response is kept for replay (the draft asks for at least 24 h). */
  retentionSeconds: number;
  /** How long a crashed request's claim blocks retries before another request may take it over. */
  lockSeconds: number;
}

interface StoredRecord {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  status?: number;
  body?: string;
}

export class IdempotencyStore {
  constructor(
    private readonly table: TableContext,
    private readonly timings: IdempotencyTimings = { retentionSeconds: 48 * 3600, lockSeconds: 30 },
  ) {}

  /**
   * Claims the key for this request, or tells the caller what to answer instead: the stored
   * response (replay), 422 (another request used this key) or 409 (the first is still running).
   */
  async claim(apiKeyId: string, key: string, fingerprint: string, now: Date): Promise<ClaimOutcome> {
    const claim: IdempotencyClaim = { apiKeyId, key, fingerprint, token: randomUUID() };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: {
              ...idempotencyKey(apiKeyId, key),
              fingerprint,
              state: 'in_flight',
              token: claim.token,
              lockedUntil: nowSeconds + this.timings.lockSeconds,
              ttl: nowSeconds + this.timings.retentionSeconds,
            },
            // Take the key if nobody has it, if its record expired (TTL deletes late), or if the
            // request that claimed it died without finishing (its lock ran out).
            ConditionExpression:
              'attribute_not_exists(pk) OR #ttl < :now OR (#state = :inFlight AND lockedUntil < :now)',
            ExpressionAttributeNames: { '#ttl': 'ttl', '#state': 'state' },
            ExpressionAttributeValues: { ':now': nowSeconds, ':inFlight': 'in_flight' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return { kind: 'claimed', claim };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const raw = (err as { Item?: Record<string, never> }).Item;
      const existing = raw === undefined ? undefined : (unmarshall(raw) as StoredRecord);
      if (existing === undefined) throw err;
      if (existing.fingerprint !== fingerprint) {
        throw new AppError(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        );
      }
      if (existing.state === 'completed' && existing.status !== undefined && existing.body !== undefined) {
        return { kind: 'replay', response: { status: existing.status, body: existing.body } };
      }
      throw new AppError(
        'idempotency-in-flight',
        'A request with this Idempotency-Key is still being processed. Retry in a few seconds.',
      );
    }
  }

  /**
   * The write that marks a claim completed with its response, for the caller to put inside the
   * same transaction as the change itself: either both commit or neither does.
   */
  completionItem(claim: IdempotencyClaim, response: StoredResponse): TransactItem {
    return { Update: this.completionUpdate(claim, response) };
  }

  /** Completes a claim on its own, for operations whose change is a single conditional write. */
  async complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    await callDynamo(() => this.table.doc.send(new UpdateCommand(this.completionUpdate(claim, response))));
  }

  /** Gives the key back after a request that changed nothing, so a corrected retry can run. */
  async release(claim: IdempotencyClaim): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new DeleteCommand({
            TableName: this.table.tableName,
            Key: idempotencyKey(claim.apiKeyId, claim.key),
            // Never release a record that completed, or that another request has taken over.
            ConditionExpression: '#state = :inFlight AND #token = :token',
            ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
            ExpressionAttributeValues: { ':inFlight': 'in_flight', ':token': claim.token },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  private completionUpdate(claim: IdempotencyClaim, response: StoredResponse) {
    return {
      TableName: this.table.tableName,
      Key: idempotencyKey(claim.apiKeyId, claim.key),
      UpdateExpression: 'SET #state = :completed, #status = :status, #body = :body REMOVE lockedUntil',
      // Only the request holding the claim completes it: a stale request that lost its lock fails here.
      ConditionExpression: '#state = :inFlight AND #token = :token',
      ExpressionAttributeNames: {
        '#state': 'state',
        '#token': 'token',
        '#status': 'status',
        '#body': 'body',
      },
      ExpressionAttributeValues: {
        ':completed': 'completed',
        ':inFlight': 'in_flight',
        ':token': claim.token,
        ':status': response.status,
        ':body': response.body,
      },
    };
  }
}
