import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Transfer } from '../domain/transfer.js';
import type { TransactItem } from './idempotency-store.js';
import { incomingTransfersKey, outgoingTransfersKey, transferKey } from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';
import { callDynamo } from './store-errors.js';
import { type TableContext, withoutKeys } from './table-context.js';

/** Transfer records; their writes ride inside the stock transactions of dispatch and receipt. */
export class TransferStore {
  constructor(private readonly table: TableContext) {}

  /** Where a transfer is listed: under its sender (gsi1) and its receiver (gsi2), by dispatch time. */
  private listingKeys(transfer: Transfer) {
    const sort = `${transfer.dispatchedAt}#${transfer.id}`;
    return {
      gsi1pk: outgoingTransfersKey(transfer.fromShelterId),
      gsi1sk: sort,
      gsi2pk: incomingTransfersKey(transfer.toShelterId),
      gsi2sk: sort,
    };
  }

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
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
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
          ExclusiveStartKey: decodeCursor(cursor, { [pkName]: partition }),
        }),
      ),
    );
    return {
      items: (result.Items ?? []).map((item) => withoutKeys<Transfer>(item)),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  }

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
        Item: { ...transferKey(transfer.id), ...this.listingKeys(transfer), ...transfer },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Marks a transfer received; the condition makes a second receipt of the same transfer fail. */
  receiveItem(received: Transfer): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: { ...transferKey(received.id), ...this.listingKeys(received), ...received },
        ConditionExpression: '#status = :inTransit',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inTransit': 'in_transit' },
      },
    };
  }
}
