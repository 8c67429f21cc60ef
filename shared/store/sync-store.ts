import { z } from 'zod';
import { type SyncResult, syncResultSchema } from '../domain/offline-sync.js';
import { batchGet } from './batch-get.js';
import { devicePartition, SYNC_PREFIX, syncRecordKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { queryAll } from './query-all.js';
import type { TableContext } from './table-context.js';
import type { TransactItem } from './transaction.js';

const syncRecordSchema = z.object({ deviceId: z.string(), result: syncResultSchema });

/**
 * The synced-record items: one per offline record ever committed, holding the answer it got.
 * Written inside the transaction that commits the record's redemption or conflict, under
 * "absent", so a record sent twice (two tabs, a retry after a cut-off sync) commits once.
 */
export class SyncStore {
  constructor(private readonly table: TableContext) {}

  /** The stored answers of records already committed, by client redemption id. */
  async results(deviceId: string, clientRedemptionIds: readonly string[]): Promise<Map<string, SyncResult>> {
    const items = await batchGet(
      this.table,
      clientRedemptionIds.map((id) => syncRecordKey(deviceId, id)),
      { consistent: true },
    );
    return new Map(
      items
        .map((item) => parseRecord(syncRecordSchema, item).result)
        .map((result) => [result.clientRedemptionId, result]),
    );
  }

  async result(deviceId: string, clientRedemptionId: string): Promise<SyncResult | undefined> {
    return (await this.results(deviceId, [clientRedemptionId])).get(clientRedemptionId);
  }

  /** Every sequence number this device has synced (for its gaps). */
  async sequences(deviceId: string): Promise<number[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sync)',
      ExpressionAttributeValues: { ':pk': devicePartition(deviceId), ':sync': SYNC_PREFIX },
      ProjectionExpression: '#seq',
      ExpressionAttributeNames: { '#seq': 'sequence' },
    });
    return items.map((item) => Number(item.sequence));
  }

  /** The write of a record's answer, for the transaction that commits the record. */
  recordWrite(deviceId: string, result: SyncResult): TransactItem {
    return {
      Put: {
        TableName: this.table.tableName,
        Item: {
          ...syncRecordKey(deviceId, result.clientRedemptionId),
          deviceId,
          sequence: result.sequence,
          result,
        },
        // Each offline record is committed at most once, however often it is sent.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
}
