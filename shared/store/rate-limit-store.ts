import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rateWindowKey } from './keys.js';
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
 * Allowances counted in the table, not in memory: Lambda runs many instances at once, so a count
 * kept in memory would let each instance allow the limit again. One item per (bucket, window),
 * one conditional ADD per call (1 WCU), gone by TTL a day after its window. A refused call
 * changes nothing.
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

  /** One attempt of `subject` against a limit in fixed windows, and how long to wait when refused. */
  async attempt(limit: RateLimit, subject: string, now: Date): Promise<RateLimitOutcome> {
    const windowMs = limit.windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const window = { start: new Date(start), end: new Date(start + windowMs) };
    const { taken } = await this.take(`${limit.purpose}#${subject}`, window, 1, limit.limit);
    if (taken) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
    };
  }
}
