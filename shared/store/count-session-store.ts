import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import {
  type CountLine,
  type CountSession,
  type CountSessionStatus,
  countLineSchema,
  countSessionSchema,
} from '../domain/count-session.js';
import type { IdempotencyCompletion, Reply } from '../domain/idempotency.js';
import { type Movement, movementSchema } from '../domain/movement.js';
import { type StockBalance, stockBalanceSchema } from '../domain/stock.js';
import { StoreUnavailableError } from '../errors/app-errors.js';
import { CountSessionChangedError } from '../errors/count-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { DuplicateRecordError } from '../errors/record-errors.js';
import { backoffDelay, sleep } from './backoff.js';
import { type CompletionWrite, completionWrites } from './idempotency-store.js';
import {
  COUNT_LINE_PREFIX,
  countLineKey,
  countSessionKey,
  countSessionPartition,
  MOVEMENT_PREFIX,
  movementPartition,
  shelterCountSessionsKey,
  stockKey,
} from './keys.js';
import { type LedgerWrite, ledgerWrite } from './movement-store.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { readBalances } from './stock-balance-reads.js';
import { versionedWrite } from './stock-balance-writes.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { attemptTransaction, sendTransaction, type TransactionWrite } from './transaction.js';

/** A session with its lines, read together. */
export interface CountSessionRead {
  session: CountSession;
  lines: Map<string, CountLine>;
}

/** What a posting is decided from: one shelter's balances, then its ledger since the earliest count. */
export interface PostingRead {
  balances: Map<string, StockBalance>;
  movements: Movement[];
}

/**
 * What the use case decided from a PostingRead: post (the session replaced, the balances after,
 * the ledger entry) or hold (the session replaced, awaiting approval), and the answer to store
 * for Idempotency-Key replays in the same transaction.
 */
export type PostingDecision<R> =
  | { kind: 'post'; session: CountSession; movement: Movement; balances: StockBalance[]; response: R }
  | { kind: 'hold'; session: CountSession; response: R };

type CountWrite = { of: 'session' } | { of: 'line' } | { of: 'balance' } | LedgerWrite | CompletionWrite;

const MAX_ATTEMPTS = 60;

/**
 * Count sessions and their lines (see keys.ts). Every step replaces the session whole under
 * "its version is the one I read"; a posting does so in the transaction that writes the
 * balances (each under its own version) and the ledger entry, so a session posts once however
 * many approvals race, and never over a balance that moved since it was read.
 */
export class CountSessionStore {
  constructor(private readonly table: TableContext) {}

  /** A new session, with the answer to replay, in one transaction. */
  async create<R>(session: CountSession, reply: Reply<R>): Promise<void> {
    const result = await sendTransaction<CountWrite>(this.table, [
      {
        purpose: { of: 'session' },
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: this.sessionItem(session),
            // Ids are ULIDs: taken only once.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      ...completionWrites(this.table, reply.idempotency, reply.response),
    ]);
    if (result.outcome === 'refused') throw this.explain(session.id, result.refused);
  }

  /** The session and every line, strongly consistent: a draft continued elsewhere sees each line entered. */
  async get(sessionId: string): Promise<CountSessionRead | undefined> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': countSessionPartition(sessionId) },
      ConsistentRead: true,
    });
    const meta = items.find((item) => item.sk === 'META');
    if (meta === undefined) return undefined;
    const lines = new Map<string, CountLine>();
    for (const item of items) {
      if (!String(item.sk).startsWith(COUNT_LINE_PREFIX)) continue;
      const line = parseRecord(countLineSchema, item);
      lines.set(line.itemId, line);
    }
    return { session: this.readSession(meta), lines };
  }

  /**
   * A shelter's sessions, newest first. A shelter holds a few sessions a month, so a status is a
   * filter on that short list rather than a key of its own (pages may come back short).
   */
  list(
    shelterId: string,
    status: CountSessionStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<CountSession>> {
    const partition = shelterCountSessionsKey(shelterId);
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(status === undefined
          ? { ExpressionAttributeValues: { ':pk': partition } }
          : {
              FilterExpression: '#status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pk': partition, ':status': status },
            }),
        ScanIndexForward: false,
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: (item) => this.readSession(item) },
    );
  }

  /**
   * Enters (or replaces) a counted line while the session is still counting and lists the item;
   * CountSessionChangedError when it no longer is (submitted or cancelled meanwhile).
   */
  async enterLine(sessionId: string, line: CountLine): Promise<void> {
    const result = await sendTransaction<CountWrite>(this.table, [
      {
        purpose: { of: 'session' },
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: countSessionKey(sessionId),
            UpdateExpression: 'SET version = version + :one ADD countedItemIds :item',
            // No line enters a session once it is submitted: a submit read every line it posts.
            ConditionExpression: '#status = :counting AND contains(itemIds, :itemId)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':item': new Set([line.itemId]),
              ':counting': 'counting',
              ':itemId': line.itemId,
            },
          },
        },
      },
      {
        purpose: { of: 'line' },
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { ...countLineKey(sessionId, line.itemId), ...line },
          },
        },
      },
    ]);
    if (result.outcome === 'refused') throw this.explain(sessionId, result.refused);
  }

  /** Sets a line's reason while the session awaits approval; CountSessionChangedError when it no longer does. */
  async giveReason(
    sessionId: string,
    itemId: string,
    reason: NonNullable<CountLine['reason']>,
  ): Promise<void> {
    const result = await sendTransaction<CountWrite>(this.table, [
      {
        purpose: { of: 'session' },
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: countSessionKey(sessionId),
            UpdateExpression: 'SET version = version + :one',
            // An approval read the reasons it approves: a reason changed since makes it read again.
            ConditionExpression: '#status = :submitted',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':one': 1, ':submitted': 'submitted' },
          },
        },
      },
      {
        purpose: { of: 'line' },
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: countLineKey(sessionId, itemId),
            UpdateExpression: 'SET reason = :reason',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':reason': reason },
          },
        },
      },
    ]);
    if (result.outcome === 'refused') throw this.explain(sessionId, result.refused);
  }

  /** A step that moves no stock (reject, cancel): the session replaced if unchanged since read. */
  async replace<R>(next: CountSession, reply: Reply<R>): Promise<void> {
    const result = await sendTransaction<CountWrite>(this.table, [
      this.sessionWrite(next),
      ...completionWrites(this.table, reply.idempotency, reply.response),
    ]);
    if (result.outcome === 'refused') throw this.explain(next.id, result.refused);
  }

  /**
   * Submit and approve: reads the balances (strongly consistent), then the ledger since the
   * earliest count, lets `decide` post or hold, and commits that with the session replaced
   * under its version. A balance that moved between the read and the write (a redemption, a
   * receipt) refuses the transaction: read again and decide anew. Since every movement writes
   * its balance, a committed posting was decided from a ledger that held every movement of its
   * items, and no other.
   */
  async settle<R>(
    request: {
      sessionId: string;
      shelterId: string;
      itemIds: readonly string[];
      categories: ReadonlyMap<string, string>;
      since: string;
    },
    decide: (read: PostingRead) => Promise<PostingDecision<R>>,
    idempotency: IdempotencyCompletion | undefined,
  ): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const read = await this.readForReview(
        request.shelterId,
        request.itemIds,
        request.since,
        request.categories,
      );
      const { balances } = read;
      const decision = await decide(read);
      const writes: Array<TransactionWrite<CountWrite>> = [this.sessionWrite(decision.session)];
      if (decision.kind === 'post') {
        for (const after of decision.balances) {
          const before = balances.get(after.itemId) ?? after;
          writes.push({ purpose: { of: 'balance' }, item: versionedWrite(this.table, before, after) });
        }
        writes.push(ledgerWrite(this.table, decision.movement));
      }
      writes.push(...completionWrites(this.table, idempotency, decision.response));
      const result = await attemptTransaction(this.table, writes);
      if (result.outcome === 'committed') return decision.response;
      if (result.outcome === 'refused' && result.refused.some((purpose) => purpose.of !== 'balance'))
        throw this.explain(request.sessionId, result.refused);
      // A balance moved since we read it, or the table was busy: nothing was written.
      await sleep(backoffDelay(attempt));
    }
    throw new StoreUnavailableError('Too many simultaneous changes to this stock; retry shortly.', 1);
  }

  /**
   * The balances of some items (strongly consistent), then the shelter's ledger dated at or after
   * `since`: what a line's figures are reviewed from. Read in this order, a movement committed
   * between the two reads is in the ledger but not the balance; a posting refuses that case by
   * its balance conditions, a read for display shows it for what it is, a moment's figure.
   */
  async readForReview(
    shelterId: string,
    itemIds: readonly string[],
    since: string,
    categories?: ReadonlyMap<string, string>,
  ): Promise<PostingRead> {
    const balances = await readBalances(this.table, shelterId, itemIds, categories);
    const movements = await this.movementsSince(shelterId, since);
    return { balances, movements };
  }

  /** The on-hand balance on record now (0 for an item never stocked there), strongly consistent. */
  async onHand(shelterId: string, itemId: string): Promise<number> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: stockKey(shelterId, itemId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? 0 : parseRecord(stockBalanceSchema, result.Item).onHand;
  }

  /** Ledger ids are ULIDs of `at`: every entry dated at or after `since` is a key range. */
  private async movementsSince(shelterId: string, since: string): Promise<Movement[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: {
        ':pk': movementPartition(shelterId),
        ':from': `${MOVEMENT_PREFIX}${encodeTime(Date.parse(since), 10)}`,
      },
      ConsistentRead: true,
    });
    return items.map((item) => parseRecord(movementSchema, item));
  }

  private sessionWrite(next: CountSession): TransactionWrite<CountWrite> {
    return {
      purpose: { of: 'session' },
      item: {
        Put: {
          TableName: this.table.tableName,
          Item: this.sessionItem(next),
          // Invariant: a step is decided from the session as it is; two steps on one version
          // (two approvals, a submit racing a line) cannot both commit.
          ConditionExpression: 'version = :seen',
          ExpressionAttributeValues: { ':seen': next.version - 1 },
        },
      },
    };
  }

  private sessionItem(session: CountSession): Record<string, unknown> {
    const { countedItemIds, ...rest } = session;
    return {
      ...countSessionKey(session.id),
      gsi1pk: shelterCountSessionsKey(session.shelterId),
      gsi1sk: `${session.createdAt}#${session.id}`,
      ...rest,
      // A string set (ADDed to by each line); DynamoDB stores no empty set.
      ...(countedItemIds.length === 0 ? {} : { countedItemIds: new Set(countedItemIds) }),
    };
  }

  private readSession(item: Record<string, unknown>): CountSession {
    const counted = item.countedItemIds instanceof Set ? [...(item.countedItemIds as Set<string>)] : [];
    return parseRecord(countSessionSchema, { ...item, countedItemIds: counted.sort() });
  }

  private explain(sessionId: string, refused: CountWrite[]): Error {
    if (refused.some((purpose) => purpose.of === 'session' || purpose.of === 'line'))
      return new CountSessionChangedError(sessionId);
    if (refused.some((purpose) => purpose.of === 'idempotency-completion'))
      return new IdempotencyClaimLostError();
    const ledger = refused.find((purpose): purpose is LedgerWrite => purpose.of === 'ledger');
    if (ledger !== undefined) return new DuplicateRecordError('Ledger entry', ledger.movementId);
    return new CountSessionChangedError(sessionId);
  }
}
