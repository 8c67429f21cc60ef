import type { Conflict } from '../domain/conflict.js';
import type { Round } from '../domain/round.js';
import type { StockBalance } from '../domain/stock.js';
import type { Transfer } from '../domain/transfer.js';
import type { Voucher } from '../domain/voucher.js';

/** Before and after of one record; an insert has no `old`, a removal no `new`. */
interface Images<T> {
  old?: T;
  new?: T;
}

/**
 * One change to one record, as the table's stream tells it, with DynamoDB taken out: the store
 * decodes the stream record (shared/store/stream-change.ts) and parses each image with its
 * record's schema. Only the records events are made from carry their images; every other record
 * (the beneficiary record above all) arrives as `other`, with nothing of its content.
 */
export type TableChange = {
  /** Unique per change and the same on every redelivery of it (the stream record's id). */
  changeId: string;
  operation: 'insert' | 'modify' | 'remove';
  /** When the change was made (the stream's approximate time, to the second), if the stream says. */
  changedAt?: Date;
} & (
  | ({ record: 'voucher' } & Images<Voucher>)
  | ({ record: 'stock-balance' } & Images<StockBalance>)
  | ({ record: 'transfer' } & Images<Transfer>)
  | ({ record: 'conflict' } & Images<Conflict>)
  | ({ record: 'round' } & Images<Round>)
  | { record: 'other' }
);
