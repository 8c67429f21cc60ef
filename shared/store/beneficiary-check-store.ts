import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type BeneficiaryCheckLogEntry, beneficiaryCheckLogSchema } from '../domain/beneficiary-check.js';
import { BENEFICIARY_CHECKS_PARTITION, beneficiaryCheckKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { queryPage } from './query-page.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

/** Kept for 400 days: a year's review of who asked about whom, with room to hold it. */
const KEPT_SECONDS = 400 * 86_400;

/** The record of "served before?" calls (never the references): one partition, newest first. */
export class BeneficiaryCheckStore {
  constructor(private readonly table: TableContext) {}

  async record(entry: BeneficiaryCheckLogEntry): Promise<void> {
    await callDynamo(() =>
      this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...beneficiaryCheckKey(entry.at, entry.id),
            ...entry,
            ttl: Math.floor(Date.parse(entry.at) / 1000) + KEPT_SECONDS,
          },
        }),
      ),
    );
  }

  /** Newest first; with `orgId`, that organisation's calls only (a page may then hold fewer). */
  list(limit: number, cursor: string | undefined, orgId?: string): Promise<Page<BeneficiaryCheckLogEntry>> {
    return queryPage(
      this.table,
      {
        KeyConditionExpression: 'pk = :pk',
        ...(orgId === undefined ? {} : { FilterExpression: 'orgId = :org' }),
        ExpressionAttributeValues: {
          ':pk': BENEFICIARY_CHECKS_PARTITION,
          ...(orgId === undefined ? {} : { ':org': orgId }),
        },
        ScanIndexForward: false,
        Limit: limit,
      },
      {
        partition: { pk: BENEFICIARY_CHECKS_PARTITION },
        cursor,
        read: (item) => parseRecord(beneficiaryCheckLogSchema, item),
      },
    );
  }
}
