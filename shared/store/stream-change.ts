import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { conflictSchema } from '../domain/conflict.js';
import { roundSchema } from '../domain/round.js';
import { stockBalanceSchema } from '../domain/stock.js';
import { transferSchema } from '../domain/transfer.js';
import { voucherSchema } from '../domain/voucher.js';
import type { TableChange } from '../events/table-change.js';
import { streamedRecordOf } from './keys.js';
import { parseRecord } from './parse-record.js';

type Image = Record<string, AttributeValue>;

/**
 * A DynamoDB stream record, as the Streams API and a Lambda event source both deliver it (only
 * the fields read here).
 */
export interface StreamRecord {
  eventID?: string | undefined;
  eventName?: string | undefined;
  dynamodb?:
    | {
        Keys?: Image | undefined;
        NewImage?: Image | undefined;
        OldImage?: Image | undefined;
        SequenceNumber?: string | undefined;
        /** When the change was made, to the second: epoch seconds in a Lambda event, a Date from the SDK. */
        ApproximateCreationDateTime?: Date | number | undefined;
      }
    | undefined;
}

const operations = { INSERT: 'insert', MODIFY: 'modify', REMOVE: 'remove' } as const;

/**
 * Decodes one stream record into a TableChange: which record changed, and its images parsed with
 * that record's schema, so a malformed image throws here (MalformedRecordError, naming the key)
 * like any record a store reads. Records no event is made from keep their content to themselves.
 */
export function tableChangeFrom(record: StreamRecord): TableChange {
  const changeId = record.eventID;
  const operation = operations[record.eventName as keyof typeof operations];
  const keys = record.dynamodb?.Keys;
  if (changeId === undefined || operation === undefined || keys === undefined) {
    throw new Error(`Stream record ${changeId ?? '(no id)'} lacks its id, operation or keys`);
  }
  const key = unmarshall(keys) as { pk: string; sk: string };
  const kind = streamedRecordOf(key);
  const created = record.dynamodb?.ApproximateCreationDateTime;
  const base = {
    changeId,
    operation,
    ...(created === undefined
      ? {}
      : { changedAt: typeof created === 'number' ? new Date(created * 1000) : created }),
  };
  const images = <T>(parse: (item: Record<string, unknown>) => T) => {
    const old = record.dynamodb?.OldImage;
    const now = record.dynamodb?.NewImage;
    return {
      ...(old === undefined ? {} : { old: parse(unmarshall(old)) }),
      ...(now === undefined ? {} : { new: parse(unmarshall(now)) }),
    };
  };
  switch (kind) {
    case 'voucher':
      return { ...base, record: kind, ...images((item) => parseRecord(voucherSchema, item)) };
    case 'stock-balance':
      return {
        ...base,
        record: kind,
        ...images((item) => parseRecord(stockBalanceSchema, item)),
      };
    case 'transfer':
      return { ...base, record: kind, ...images((item) => parseRecord(transferSchema, item)) };
    case 'conflict':
      return { ...base, record: kind, ...images((item) => parseRecord(conflictSchema, item)) };
    case 'round':
      return { ...base, record: kind, ...images((item) => parseRecord(roundSchema, item)) };
    case 'other':
      return { ...base, record: kind };
  }
}
