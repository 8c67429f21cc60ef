import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type InTransitTransfer,
  type ReceivedTransfer,
  type Transfer,
  transferSchema,
} from '../domain/transfer.js';
import { incomingTransfersKey, outgoingTransfersKey, transferKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import type { TransactionWrite } from './transaction.js';

/** Where a transfer is listed: under its sender (gsi1) and its receiver (gsi2), by dispatch time. */
function listingKeys(transfer: Transfer) {
  const sort = `${transfer.dispatchedAt}#${transfer.id}`;
  return {
    gsi1pk: outgoingTransfersKey(transfer.fromShelterId),
    gsi1sk: sort,
    gsi2pk: incomingTransfersKey(transfer.toShelterId),
    gsi2sk: sort,
  };
}

/** A transfer record's write inside the stock transaction of its dispatch or receipt. */
export interface TransferWrite {
  readonly of: 'transfer';
  readonly step: 'dispatch' | 'receipt';
  readonly transferId: string;
}

export function transferDispatchWrite(
  table: TableContext,
  transfer: InTransitTransfer,
): TransactionWrite<TransferWrite> {
  return {
    purpose: { of: 'transfer', step: 'dispatch', transferId: transfer.id },
    item: {
      Put: {
        TableName: table.tableName,
        Item: { ...transferKey(transfer.id), ...listingKeys(transfer), ...transfer },
        // Transfer ids are drawn at random: one must never replace another transfer.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

/** Marks a transfer received; the condition makes a second receipt of the same transfer fail. */
export function transferReceiptWrite(
  table: TableContext,
  received: ReceivedTransfer,
): TransactionWrite<TransferWrite> {
  return {
    purpose: { of: 'transfer', step: 'receipt', transferId: received.id },
    item: {
      Put: {
        TableName: table.tableName,
        Item: { ...transferKey(received.id), ...listingKeys(received), ...received },
        ConditionExpression: '#status = :inTransit',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inTransit': 'in_transit' },
      },
    },
  };
}

/** Transfer records, read here; their writes ride inside the stock transactions (see StockStore). */
export class TransferStore {
  constructor(private readonly table: TableContext) {}

  /** A shelter's transfers, newest first: those it sent, or those sent to it. */
  async list(
    shelterId: string,
    direction: 'outgoing' | 'incoming',
    status: Transfer['status'] | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<Transfer>> {
    const [index, pkName, partition] =
      direction === 'outgoing'
        ? (['gsi1', 'gsi1pk', outgoingTransfersKey(shelterId)] as const)
        : (['gsi2', 'gsi2pk', incomingTransfersKey(shelterId)] as const);
    return queryPage(
      this.table,
      {
        IndexName: index,
        KeyConditionExpression: `${pkName} = :pk`,
        ...(status === undefined
          ? {}
          : { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }),
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(status === undefined ? {} : { ':status': status }),
        },
        ScanIndexForward: false,
        Limit: limit,
      },
      { partition: { [pkName]: partition }, cursor, read: (item) => parseRecord(transferSchema, item) },
    );
  }

  async get(transferId: string): Promise<Transfer | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: transferKey(transferId),
          ConsistentRead: true,
        }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(transferSchema, result.Item);
  }
}
