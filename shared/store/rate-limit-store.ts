import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rateWindowKey } from './keys.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

/**
 * Allowances counted in the table, not in memory: every Lambda instance that serves a key draws
 * from the same count. One item per (bucket, window), gone by TTL a day after its window.
 */
export class RateLimitStore {
  constructor(private readonly table: TableContext) {}

  /**
   * Takes `amount` from the window's allowance of `limit`, or takes nothing and says so. One
   * conditional update: two calls at once cannot both take the last units.
   */
  async take(
    bucket: string,
    window: { start: Date; end: Date },
    amount: number,
    limit: number,
  ): Promise<{ taken: boolean }> {
    if (amount > limit) return { taken: false };
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: rateWindowKey(bucket, window.start.toISOString()),
            UpdateExpression: 'ADD #used :amount SET #ttl = :ttl',
            // What is used already leaves room for this amount.
            ConditionExpression: 'attribute_not_exists(#used) OR #used <= :room',
            ExpressionAttributeNames: { '#used': 'used', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':amount': amount,
              ':room': limit - amount,
              ':ttl': Math.floor(window.end.getTime() / 1000) + 86_400,
            },
          }),
        ),
      );
      return { taken: true };
    } catch (err) {
      if (isConditionFailure(err)) return { taken: false };
      throw err;
    }
  }
}
