import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type IdempotencyClaim,
  type IdempotencyCompletion,
  type IdempotencyRecord,
  idempotencyRecordSchema,
  type SealedReply,
  type StoredResponse,
} from '../domain/idempotency.js';
import { AppError } from '../errors/app-errors.js';
import { conditionalPut } from './conditional-put.js';
import { idempotencyKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import type { TransactItem, TransactionWrite } from './transaction.js';

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; response: StoredResponse };

export interface IdempotencyTimings {
  /** How long a completed response is kept for replay (the draft asks for at least 24 h). */
  retentionSeconds: number;
  /** How long a crashed request's claim blocks retries before another request may take it over. */
  lockSeconds: number;
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
    const outcome = await conditionalPut(this.table, {
      item: {
        ...idempotencyKey(apiKeyId, key),
        fingerprint,
        state: 'in_flight',
        token: claim.token,
        lockedUntil: nowSeconds + this.timings.lockSeconds,
        ttl: nowSeconds + this.timings.retentionSeconds,
      },
      // Take the key if nobody has it, if its record expired (TTL deletes late), or if the
      // request that claimed it died without finishing (its lock ran out).
      condition: 'attribute_not_exists(pk) OR #ttl < :now OR (#state = :inFlight AND lockedUntil < :now)',
      names: { '#ttl': 'ttl', '#state': 'state' },
      values: { ':now': nowSeconds, ':inFlight': 'in_flight' },
      returnExisting: true,
    });
    if (outcome.written) return { kind: 'claimed', claim };
    if (outcome.existing === undefined)
      throw new Error('idempotency claim refused without the record that holds it');
    return answerFor(parseRecord(idempotencyRecordSchema, outcome.existing), fingerprint);
  }

  /**
   * An optimistic claim: nothing is written or read now. The change's own transaction writes the
   * completed record if the key is still free (completionWrites); when the change does not
   * commit, `settle` says whether an earlier request with the key answers instead.
   */
  begin(apiKeyId: string, key: string, fingerprint: string, now: Date): IdempotencyClaim {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    return {
      apiKeyId,
      key,
      fingerprint,
      token: randomUUID(),
      optimistic: { nowSeconds, ttl: nowSeconds + this.timings.retentionSeconds },
    };
  }

  /**
   * After an optimistic request's change did not commit: the committed answer of an earlier
   * request with this key (a replay, or the winner of a race), 422 if that request was another
   * one, 409 if it is still running under a claim; undefined when the key is free (this
   * request's own answer stands: it changed nothing). A strongly consistent read, so a record
   * committed before our transaction was refused is seen.
   */
  async settle(claim: IdempotencyClaim, now: Date): Promise<StoredResponse | undefined> {
    const record = await this.find(claim.apiKeyId, claim.key, now);
    if (record === undefined) return undefined;
    const outcome = answerFor(record, claim.fingerprint);
    return outcome.response;
  }

  private async find(apiKeyId: string, key: string, now: Date): Promise<IdempotencyRecord | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: idempotencyKey(apiKeyId, key),
          ConsistentRead: true,
        }),
      ),
    );
    const item = result.Item;
    if (item === undefined) return undefined;
    const nowSeconds = Math.floor(now.getTime() / 1000);
    // As good as gone: expired (TTL deletes late), or a claim whose request died (its lock ran out).
    const expired = typeof item.ttl === 'number' && item.ttl < nowSeconds;
    const abandoned =
      item.state === 'in_flight' && typeof item.lockedUntil === 'number' && item.lockedUntil < nowSeconds;
    return expired || abandoned ? undefined : parseRecord(idempotencyRecordSchema, item);
  }

  /** Completes a claim on its own, for answers made of writes that committed one by one (a batch). */
  async complete(claim: IdempotencyClaim, response: StoredResponse): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(new UpdateCommand(completionUpdate(this.table, claim, response))),
    );
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
}

/** What a request with `fingerprint` answers, given the record already holding its key. */
function answerFor(
  existing: IdempotencyRecord,
  fingerprint: string,
): { kind: 'replay'; response: StoredResponse } {
  if (existing.fingerprint !== fingerprint) {
    throw new AppError(
      'idempotency-key-reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  }
  if (existing.state === 'completed') {
    const { status, body, sealed } = existing;
    return { kind: 'replay', response: { status, body, ...(sealed ? { sealed } : {}) } };
  }
  throw new AppError(
    'idempotency-in-flight',
    'A request with this Idempotency-Key is still being processed. Retry in a few seconds.',
  );
}

/** The write of a completion in another store's transaction; its refusal means the claim was lost. */
export interface CompletionWrite {
  readonly of: 'idempotency-completion';
}

/**
 * The writes that complete a request's claim with its response, for a store to put inside the
 * transaction of the change itself: either both commit or neither does. None without a claim.
 */
export function completionWrites(
  table: TableContext,
  completion: IdempotencyCompletion | undefined,
  response: unknown,
): Array<TransactionWrite<CompletionWrite>> {
  if (completion === undefined) return [];
  return storedCompletion(table, completion, { status: completion.status, body: JSON.stringify(response) });
}

/**
 * As completionWrites, for an answer that holds a secret: the record keeps the answer sealed as
 * the use case sealed it (`SealedReply`), marked so that a replay opens it first.
 */
export function sealedCompletionWrites(
  table: TableContext,
  reply: SealedReply,
): Array<TransactionWrite<CompletionWrite>> {
  if (reply.idempotency === undefined) return [];
  if (reply.sealedResponse === undefined) throw new Error('a sealed reply without its sealed answer');
  return storedCompletion(table, reply.idempotency, {
    status: reply.idempotency.status,
    body: reply.sealedResponse,
    sealed: true,
  });
}

function storedCompletion(
  table: TableContext,
  completion: IdempotencyCompletion,
  stored: StoredResponse,
): Array<TransactionWrite<CompletionWrite>> {
  const { claim } = completion;
  const item: TransactItem =
    claim.optimistic === undefined
      ? { Update: completionUpdate(table, claim, stored) }
      : { Put: optimisticCompletion(table, claim, claim.optimistic, stored) };
  return [{ purpose: { of: 'idempotency-completion' }, item }];
}

/**
 * The whole completed record, written by the change's transaction only if no request holds the
 * key: the first of concurrent duplicates to commit wins, the others are refused with nothing
 * written and settle on its answer.
 */
function optimisticCompletion(
  table: TableContext,
  claim: IdempotencyClaim,
  at: NonNullable<IdempotencyClaim['optimistic']>,
  response: StoredResponse,
) {
  return {
    TableName: table.tableName,
    Item: {
      ...idempotencyKey(claim.apiKeyId, claim.key),
      fingerprint: claim.fingerprint,
      state: 'completed',
      status: response.status,
      body: response.body,
      ...(response.sealed ? { sealed: true } : {}),
      ttl: at.ttl,
    },
    // The key is free: never used, its record expired (TTL deletes late), or a claim on it was
    // left by a request that died without finishing (its lock ran out), as `claim` takes over.
    ConditionExpression:
      'attribute_not_exists(pk) OR #ttl < :now OR (#state = :inFlight AND lockedUntil < :now)',
    ExpressionAttributeNames: { '#ttl': 'ttl', '#state': 'state' },
    ExpressionAttributeValues: { ':now': at.nowSeconds, ':inFlight': 'in_flight' },
  };
}

function completionUpdate(table: TableContext, claim: IdempotencyClaim, response: StoredResponse) {
  return {
    TableName: table.tableName,
    Key: idempotencyKey(claim.apiKeyId, claim.key),
    UpdateExpression: response.sealed
      ? 'SET #state = :completed, #status = :status, #body = :body, sealed = :sealed REMOVE lockedUntil'
      : 'SET #state = :completed, #status = :status, #body = :body REMOVE lockedUntil',
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
      ...(response.sealed ? { ':sealed': true } : {}),
    },
  };
}
