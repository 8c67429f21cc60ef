import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rateLimitKey } from './keys.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

/** A limit: at most `limit` attempts per `windowSeconds`, per subject. */
export interface RateLimit {
  purpose: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts attempts in fixed windows, in the table: Lambda runs many instances at once, so a count
 * kept in memory would let each instance allow the limit again. One conditional ADD per attempt
 * (1 WCU): the count goes up only while it is below the limit, so a refused attempt changes
 * nothing, and the item expires (ttl) a minute after its window.
 */
export class RateLimitStore {
  constructor(private readonly table: TableContext) {}

  async take(limit: RateLimit, subject: string, now: Date): Promise<RateLimitOutcome> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
    const windowEnd = windowStart + limit.windowSeconds;
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: rateLimitKey(limit.purpose, subject, windowStart),
            UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
            // At most `limit` attempts in this window.
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':one': 1, ':limit': limit.limit, ':ttl': windowEnd + 60 },
          }),
        ),
      );
      return { allowed: true };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
    }
  }
}
