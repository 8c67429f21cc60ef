import type { IssuedVoucher } from '../domain/voucher.js';
import { SyncRecordCommittedError } from '../errors/device-errors.js';
import { IdempotencyClaimLostError } from '../errors/idempotency-errors.js';
import { DuplicateRecordError } from '../errors/record-errors.js';
import { InsufficientStockError, type ShortItem } from '../errors/stock-errors.js';
import { VoucherCodeTakenError } from '../errors/voucher-errors.js';
import type { CompletionWrite } from './idempotency-store.js';
import type { LedgerWrite } from './movement-store.js';
import { readBalances } from './stock-balance-reads.js';
import type { TableContext } from './table-context.js';

type VoucherLine = IssuedVoucher['lines'][number];

/** What each write of a voucher transaction is for, so that a refusal can be explained. */
export type VoucherWrite =
  | { of: 'voucher' }
  | { of: 'code' }
  | { of: 'beneficiary' }
  | { of: 'reservation'; line: VoucherLine }
  | { of: 'sync-record'; id: string }
  | LedgerWrite
  | CompletionWrite;

/**
 * The domain error a refused voucher transaction means. A voucher that changed state explains
 * everything else (`voucherRefused` says how); otherwise short stock, naming each short item;
 * then a taken code; then a lost idempotency claim; then a ledger entry that already exists.
 */
export async function explainVoucherRefusal(
  table: TableContext,
  shelterId: string,
  refused: VoucherWrite[],
  voucherRefused: () => Promise<Error>,
): Promise<Error> {
  if (refused.some((purpose) => purpose.of === 'voucher')) return voucherRefused();
  const synced = refused.find((purpose) => purpose.of === 'sync-record');
  if (synced !== undefined) return new SyncRecordCommittedError(synced.id);
  const shortLines = refused.flatMap((purpose) => (purpose.of === 'reservation' ? [purpose.line] : []));
  if (shortLines.length > 0) return insufficientStock(table, shelterId, shortLines);
  if (refused.some((purpose) => purpose.of === 'code')) return new VoucherCodeTakenError();
  if (refused.some((purpose) => purpose.of === 'idempotency-completion'))
    return new IdempotencyClaimLostError();
  const ledger = refused.find((purpose) => purpose.of === 'ledger');
  if (ledger !== undefined) return new DuplicateRecordError('Ledger entry', ledger.movementId);
  return new Error('voucher transaction refused by a write that has no condition');
}

/**
 * The balances of refused lines are read afresh rather than returned with the refusal
 * (ReturnValuesOnConditionCheckFailure): refusals are rare, and asking for old values on every
 * write doubled the transaction's time on DynamoDB Local.
 */
async function insufficientStock(
  table: TableContext,
  shelterId: string,
  lines: VoucherLine[],
): Promise<InsufficientStockError> {
  const balances = await readBalances(
    table,
    shelterId,
    lines.map((line) => line.itemId),
  );
  const short: ShortItem[] = lines.map((line) => ({
    itemId: line.itemId,
    requested: line.quantity,
    onHand: balances.get(line.itemId)?.onHand ?? 0,
    available: balances.get(line.itemId)?.available ?? 0,
  }));
  return new InsufficientStockError(shelterId, short);
}
