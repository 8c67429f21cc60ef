import { type InTransit, inTransitSchema } from '../domain/in-transit.js';
import type { InTransitTransfer, ReceivedTransfer } from '../domain/transfer.js';
import { memberOf } from './filter-expressions.js';
import { IN_TRANSIT_PARTITION, inTransitKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import type { TableContext } from './table-context.js';
import type { TransactionWrite } from './transaction.js';

/** The in-transit listing's writes, riding inside a transfer's dispatch and receipt transactions. */
export interface InTransitWrite {
  readonly of: 'in-transit';
}

/** Put with the dispatch: the transfer is on the road. Unconditional: its transfer's put guards it. */
export function inTransitPut(
  table: TableContext,
  transfer: InTransitTransfer,
): TransactionWrite<InTransitWrite> {
  const listed: InTransit = {
    transferId: transfer.id,
    fromShelterId: transfer.fromShelterId,
    toShelterId: transfer.toShelterId,
    lines: transfer.lines,
    dispatchedAt: transfer.dispatchedAt,
  };
  return {
    purpose: { of: 'in-transit' },
    item: {
      Put: {
        TableName: table.tableName,
        Item: { ...inTransitKey(transfer.toShelterId, transfer.id), ...listed },
      },
    },
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
