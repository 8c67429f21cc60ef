import type { StockBalance } from '../domain/stock.js';
import type { Voucher } from '../domain/voucher.js';
import { InsufficientStockError, type ShortItem } from '../errors/stock-errors.js';
import { backoffDelay, sleep } from './backoff.js';
import type { TransactItem } from './idempotency-store.js';
import { cancellationReasons, isTransientDynamoError, storeUnavailable } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { transactOnce } from './transact-once.js';

const MAX_TRANSIENT_RETRIES = 6;

/** Which write of a voucher transaction refused it: the caller decides what that means. */
export class VoucherWriteRejected extends Error {
  override readonly name = 'VoucherWriteRejected';
  constructor(readonly part: 'voucher' | 'code' | 'extra') {
    super(`voucher transaction refused by its ${part} condition`);
  }
}

/** Where things sit in a voucher transaction: some leading items, one per line, then the rest. */
export interface VoucherTransactionLayout {
  shelterId: string;
  lines: Voucher['lines'];
  firstStockIndex: number;
  /** Names the part of a non-stock item, by its index with the stock lines left out. */
  partOf: (index: number) => VoucherWriteRejected['part'];
}

export type ReadBalances = (
  shelterId: string,
  itemIds: readonly string[],
) => Promise<Map<string, StockBalance>>;

/**
 * Runs a voucher transaction. Cancellations that wrote nothing for a passing reason (another
 * transaction held an item, throttling) are retried; a refused stock line becomes
 * InsufficientStockError naming each short item; any other refused condition becomes
 * VoucherWriteRejected naming the part that refused.
 */
export async function runVoucherTransaction(
  table: TableContext,
  items: TransactItem[],
  layout: VoucherTransactionLayout,
  readBalances: ReadBalances,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      // A lost answer (timeout, 5xx) is resent under the same token inside: applied at most once.
      await transactOnce(table, items);
      return;
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (reasons === undefined) throw err;
      const refusedByCondition = reasons.some((reason) => reason?.Code === 'ConditionalCheckFailed');
      if (!refusedByCondition && isTransientDynamoError(err)) {
        if (attempt >= MAX_TRANSIENT_RETRIES) throw storeUnavailable(err);
        await sleep(backoffDelay(attempt, 10, 200));
        continue;
      }
      throw await explainRefusal(reasons, layout, readBalances);
    }
  }
}

/**
 * The balances of refused lines are read afresh rather than returned with the refusal
 * (ReturnValuesOnConditionCheckFailure): refusals are rare, and asking for old values on every
 * write doubled the transaction's time on DynamoDB Local.
 */
async function explainRefusal(
  reasons: NonNullable<ReturnType<typeof cancellationReasons>>,
  layout: VoucherTransactionLayout,
  readBalances: ReadBalances,
): Promise<Error> {
  const { shelterId, lines, firstStockIndex, partOf } = layout;
  const refusedLines = lines.filter(
    (_, i) => reasons[firstStockIndex + i]?.Code === 'ConditionalCheckFailed',
  );
  const balances =
    refusedLines.length === 0
      ? new Map()
      : await readBalances(
          shelterId,
          refusedLines.map((l) => l.itemId),
        );
  const short: ShortItem[] = refusedLines.map((line) => {
    const balance = balances.get(line.itemId);
    return {
      itemId: line.itemId,
      requested: line.quantity,
      onHand: balance?.onHand ?? 0,
      available: balance?.available ?? 0,
    };
  });
  const refused = reasons.findIndex((reason) => reason?.Code === 'ConditionalCheckFailed');
  const voucherRefused = refused !== -1 && refused < firstStockIndex && partOf(refused) === 'voucher';
  // A voucher that changed state explains everything else; otherwise short stock is the answer.
  if (short.length > 0 && !voucherRefused) return new InsufficientStockError(shelterId, short);
  if (refused === -1) return new Error('voucher transaction cancelled without a reason');
  const inStock = refused >= firstStockIndex && refused < firstStockIndex + lines.length;
  return new VoucherWriteRejected(
    inStock ? 'extra' : partOf(refused < firstStockIndex ? refused : refused - lines.length),
  );
}
