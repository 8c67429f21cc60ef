import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { type Movement, movementSchema } from '../domain/movement.js';
import { MOVEMENT_PREFIX, movementKey, movementPartition } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import type { TransactionWrite } from './transaction.js';

export interface MovementQuery {
  shelterId: string;
  from?: Date;
  to?: Date;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

/** Movement ids are ULIDs, so a time range is a sort-key range: no filter, no scan. */
function boundary(time: Date | undefined, edge: 'low' | 'high'): string {
  if (time === undefined) return edge === 'low' ? MOVEMENT_PREFIX : `${MOVEMENT_PREFIX}~`;
  const stamp = encodeTime(Math.max(0, time.getTime()), 10);
  return `${MOVEMENT_PREFIX}${stamp}${edge === 'low' ? '0'.repeat(16) : 'Z'.repeat(16)}`;
}

/** The ledger entry's write, for the stock and voucher transactions that record a change. */
export interface LedgerWrite {
  readonly of: 'ledger';
  readonly movementId: string;
}

export function ledgerWrite(table: TableContext, movement: Movement): TransactionWrite<LedgerWrite> {
  return {
    purpose: { of: 'ledger', movementId: movement.id },
    item: {
      Put: {
        TableName: table.tableName,
        Item: { ...movementKey(movement.shelterId, movement.id), ...movement },
        // A ledger entry is written once and never replaced.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** The ledger, read only: entries are written inside the transactions of the changes they record. */
export class MovementStore {
  constructor(private readonly table: TableContext) {}

  list(query: MovementQuery): Promise<Page<Movement>> {
    const partition = movementPartition(query.shelterId);
    return queryPage(
      this.table,
      {
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: {
          ':pk': partition,
          ':low': boundary(query.from, 'low'),
          ':high': boundary(query.to, 'high'),
        },
        ScanIndexForward: query.order === 'asc',
        Limit: query.limit,
      },
      {
        partition: { pk: partition },
        cursor: query.cursor,
        read: (item) => parseRecord(movementSchema, item),
      },
    );
  }

  /** One ledger entry of a shelter: a receipt to print again, a transfer's arrival. */
  async get(shelterId: string, movementId: string): Promise<Movement | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: movementKey(shelterId, movementId) }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(movementSchema, result.Item);
  }

  /**
   * A shelter's distributions (redemptions) since `from`, oldest first, every page: what the
   * ledger shows leaving stock for vouchers, for a round's reconciliation.
   */
  async distributionsSince(shelterId: string, from: Date): Promise<Movement[]> {
    const found: Movement[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ shelterId, from, order: 'asc', limit: 200, cursor });
      found.push(...page.items.filter((movement) => movement.type === 'distribution'));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return found;
  }
}
