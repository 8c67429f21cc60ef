import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { backoffDelay, sleep } from './backoff.js';
import { cancellationReasons, isTransientDynamoError, storeUnavailable } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { transactOnce } from './transact-once.js';

/**
 * Store-internal: how stores send a transaction and learn which of their writes refused it.
 * Nothing here leaves the store layer; each store turns refusals into domain errors itself.
 */

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, tagged with what it is for so a refusal can be explained. */
export interface TransactionWrite<P> {
  purpose: P;
  item: TransactItem;
}

export type TransactionAttempt<P> =
  | { outcome: 'committed' }
  /** Cancelled by failed conditions: the purposes of the refusing writes. Nothing was written. */
  | { outcome: 'refused'; refused: P[] }
  /** Cancelled for a passing reason (another transaction held an item, throttling). */
  | { outcome: 'busy'; cause: unknown };

/** Sends the writes once (a lost answer is resent under the same token: applied at most once). */
export async function attemptTransaction<P>(
  table: TableContext,
  writes: ReadonlyArray<TransactionWrite<P>>,
): Promise<TransactionAttempt<P>> {
  try {
    await transactOnce(
      table,
      writes.map((write) => write.item),
    );
    return { outcome: 'committed' };
  } catch (err) {
    const reasons = cancellationReasons(err);
    if (reasons === undefined) throw err;
    const refused = writes.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
    if (refused.length > 0) return { outcome: 'refused', refused: refused.map((write) => write.purpose) };
    if (isTransientDynamoError(err)) return { outcome: 'busy', cause: err };
    throw new Error('transaction cancelled without a failed condition or a passing reason', { cause: err });
  }
}

const BUSY_RETRIES = 6;

/**
 * For transactions that read nothing first (voucher writes): a busy cancellation is retried
 * with backoff, a few times, before the client is told to retry later (503).
 */
export async function sendTransaction<P>(
  table: TableContext,
  writes: ReadonlyArray<TransactionWrite<P>>,
): Promise<{ outcome: 'committed' } | { outcome: 'refused'; refused: P[] }> {
  for (let attempt = 0; ; attempt++) {
    const result = await attemptTransaction(table, writes);
    if (result.outcome !== 'busy') return result;
    if (attempt >= BUSY_RETRIES) throw storeUnavailable(result.cause);
    await sleep(backoffDelay(attempt, 10, 200));
  }
}
