import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Transfer } from '../domain/transfer.js';
import type { TransactItem } from './idempotency-store.js';
import { transferKey } from './keys.js';
import { callDynamo } from './store-errors.js';
import { type TableContext, withoutKeys } from './table-context.js';

/** Transfer records; their writes ride inside the stock transactions of dispatch and receipt. */
export class TransferStore {
  constructor(private readonly table: TableContext) {}

  async get(transferId: string): Promise<Transfer | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(new GetCommand({ TableName: this.table.tableName, Key: transferKey(transferId) })),
    );
    return result.Item === undefined ? undefined : withoutKeys<Transfer>(result.Item);
  }

  createItem(transfer: Transfer): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: { ...transferKey(transfer.id), ...transfer },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Marks a transfer received; the condition makes a second receipt of the same transfer fail. */
  receiveItem(received: Transfer): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: { ...transferKey(received.id), ...received },
        ConditionExpression: '#status = :inTransit',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inTransit': 'in_transit' },
      },
    };
  }
}
