import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Conflict, conflictSchema } from '../domain/conflict.js';
import { ConflictError } from '../errors/app-errors.js';
import { conflictKey, shelterConflictsKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactItem } from './transaction.js';

const listSort = (conflict: Pick<Conflict, 'status' | 'createdAt' | 'id'>) =>
  `${conflict.status}#${conflict.createdAt}#${conflict.id}`;

/** Sync conflicts, listed per shelter and status through gsi1 (see keys.ts). */
export class ConflictStore {
  constructor(private readonly table: TableContext) {}

  /**
   * Records a conflict with the synced-record answer that names it, in one transaction; false
   * when the record was committed meanwhile (another tab), and nothing was written.
   */
  async create(conflict: Conflict, syncWrite: TransactItem): Promise<boolean> {
    const result = await sendTransaction(this.table, [
      {
        purpose: 'conflict',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: this.item(conflict),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      { purpose: 'sync', item: syncWrite },
    ]);
    return result.outcome === 'committed';
  }

  async get(conflictId: string): Promise<Conflict | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: conflictKey(conflictId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(conflictSchema, result.Item);
  }

  list(
    shelterId: string,
    status: Conflict['status'] | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<Conflict>> {
    const partition = shelterConflictsKey(shelterId);
    return queryPage(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression:
          status === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :status)',
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(status === undefined ? {} : { ':status': `${status}#` }),
        },
        Limit: limit,
      },
      { partition: { gsi1pk: partition }, cursor, read: (item) => parseRecord(conflictSchema, item) },
    );
  }

  /** The write that closes an open conflict (inside the adjustment's transaction when goods left). */
  resolveWrite(resolved: Conflict): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: this.item(resolved),
        // Resolved once: a second resolution must not replace the first, nor adjust stock twice.
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    };
  }

  /** Closes an open conflict that moved no stock; ConflictError if it was resolved meanwhile. */
  async resolve(resolved: Conflict): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: conflictKey(resolved.id),
            UpdateExpression: 'SET #status = :resolved, resolution = :resolution, gsi1sk = :sort',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':open': 'open',
              ':resolved': 'resolved',
              ':resolution': resolved.resolution,
              ':sort': listSort(resolved),
            },
          }),
        ),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new ConflictError(`Conflict "${resolved.id}" is already resolved.`);
      throw err;
    }
  }

  private item(conflict: Conflict): Record<string, unknown> {
    return {
      ...conflictKey(conflict.id),
      gsi1pk: shelterConflictsKey(conflict.shelterId),
      gsi1sk: listSort(conflict),
      ...conflict,
    };
  }
}
