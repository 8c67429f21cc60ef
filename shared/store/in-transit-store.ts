import { type InTransit, inTransitSchema } from '../domain/in-transit.js';
import type { InTransitTransfer, ReceivedTransfer } from '../domain/transfer.js';
import { memberOf } from './filter-expressions.js';
import { IN_TRANSIT_PARTITION, inTransitKey, transferKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactionWrite } from './transaction.js';

/** The in-transit listing's writes, riding inside a transfer's dispatch and receipt transactions. */
export interface InTransitWrite {
  readonly of: 'in-transit';
}

/** The listing's item for a transfer on the road: its key and what it carries, nothing else. */
function inTransitItem(transfer: InTransitTransfer): Record<string, unknown> {
  const listed: InTransit = {
    transferId: transfer.id,
    fromShelterId: transfer.fromShelterId,
    toShelterId: transfer.toShelterId,
    lines: transfer.lines,
    dispatchedAt: transfer.dispatchedAt,
  };
  return { ...inTransitKey(transfer.toShelterId, transfer.id), ...listed };
}

/** Put with the dispatch: the transfer is on the road. Unconditional: its transfer's put guards it. */
export function inTransitPut(
  table: TableContext,
  transfer: InTransitTransfer,
): TransactionWrite<InTransitWrite> {
  return {
    purpose: { of: 'in-transit' },
    item: { Put: { TableName: table.tableName, Item: inTransitItem(transfer) } },
  };
}

/**
 * Deleted with the receipt: nothing is on the road any more. Unconditional, so a transfer
 * dispatched before the listing existed (and never listed) is received as before.
 */
export function inTransitDelete(
  table: TableContext,
  transfer: ReceivedTransfer,
): TransactionWrite<InTransitWrite> {
  return {
    purpose: { of: 'in-transit' },
    item: { Delete: { TableName: table.tableName, Key: inTransitKey(transfer.toShelterId, transfer.id) } },
  };
}

/** What is on the road across the network, read whole: one Query, a page per 1 MB read. */
export class InTransitStore {
  constructor(private readonly table: TableContext) {}

  /**
   * Lists a transfer dispatched before the listing existed, only while it is still in transit:
   * one transaction checks the transfer's status and puts its entry where none is. A transfer
   * received meanwhile, or already listed, is left as it is (false). One received after this
   * commits is taken off the road by its receipt's own delete.
   */
  async listIfStillInTransit(transfer: InTransitTransfer): Promise<boolean> {
    const result = await sendTransaction(this.table, [
      {
        purpose: { of: 'in-transit' },
        item: {
          ConditionCheck: {
            TableName: this.table.tableName,
            Key: transferKey(transfer.id),
            // Only a transfer still on the road: a received one must never be listed again.
            ConditionExpression: '#status = :inTransit',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inTransit': 'in_transit' },
          },
        },
      },
      {
        purpose: { of: 'in-transit' },
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: inTransitItem(transfer),
            // Listed already (by its dispatch, or an earlier pass): nothing to do.
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ]);
    return result.outcome === 'committed';
  }

  /** Every transfer in transit, or those to `toShelterIds` (a key's scope, at most 100). */
  async list(
    filter: { toShelterIds?: readonly string[] } = {},
  ): Promise<{ items: InTransit[]; requests: number }> {
    const values: Record<string, unknown> = { ':pk': IN_TRANSIT_PARTITION };
    const condition =
      filter.toShelterIds === undefined ? undefined : memberOf('toShelterId', filter.toShelterIds, values);
    const items: InTransit[] = [];
    let requests = 0;
    let cursor: string | undefined;
    do {
      const page = await queryPage(
        this.table,
        {
          KeyConditionExpression: 'pk = :pk',
          ...(condition === undefined ? {} : { FilterExpression: condition }),
          ExpressionAttributeValues: values,
        },
        {
          partition: { pk: IN_TRANSIT_PARTITION },
          cursor,
          read: (item) => parseRecord(inTransitSchema, item),
        },
      );
      items.push(...page.items);
      requests += 1;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return { items, requests };
  }
}
