import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type BeneficiaryRecord, beneficiaryRecordSchema, type Voucher } from '../domain/voucher.js';
import { batchGet } from './batch-get.js';
import { voucherBeneficiaryKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

/**
 * A voucher's beneficiary fields, kept in their own record (see keys.ts) so that retention is
 * DynamoDB TTL: written with the voucher (voucher-writes.ts), read here only while retention has
 * not passed, and given its TTL once the voucher reaches a final state.
 */
export class BeneficiaryStore {
  constructor(
    private readonly table: TableContext,
    private readonly retentionSeconds: number,
  ) {}

  /**
   * Beneficiary fields, unless retention has passed: counted from the voucher's final state,
   * whether or not its TTL is set yet (the dispatcher sets it, and TTL deletes late anyway).
   */
  async of(voucher: Voucher, now: Date): Promise<BeneficiaryRecord | undefined> {
    if (this.retentionOver(voucher, now)) return undefined;
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: voucherBeneficiaryKey(voucher.id) }),
      ),
    );
    if (result.Item === undefined || retentionPassed(result.Item, now)) return undefined;
    return parseRecord(beneficiaryRecordSchema, result.Item);
  }

  /** Beneficiary fields of many vouchers in batch reads (a listing page), by voucher id. */
  async ofMany(vouchers: readonly Voucher[], now: Date): Promise<Map<string, BeneficiaryRecord>> {
    const kept = vouchers.filter((voucher) => !this.retentionOver(voucher, now));
    const items = await batchGet(
      this.table,
      kept.map((voucher) => voucherBeneficiaryKey(voucher.id)),
    );
    return new Map(
      items
        .filter((item) => !retentionPassed(item, now))
        .map((item) => parseRecord(beneficiaryRecordSchema, item))
        .map((record) => [record.voucherId, record]),
    );
  }

  /**
   * Sets the beneficiary record's TTL to its voucher's final time plus the retention period, off
   * the hot path (the dispatcher, from the change's stream record). Idempotent; a record already
   * gone (purged) is left gone.
   */
  async schedulePurge(voucherId: string, finalAt: string): Promise<void> {
    try {
      await callDynamo(() =>
        this.table.doc.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: voucherBeneficiaryKey(voucherId),
            UpdateExpression: 'SET #ttl = :purgeAt',
            // Never re-create a record that TTL already deleted.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':purgeAt': Math.floor(Date.parse(finalAt) / 1000) + this.retentionSeconds,
            },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  private retentionOver(voucher: Voucher, now: Date): boolean {
    const at = finalAtOf(voucher);
    return at !== undefined && Date.parse(at) + this.retentionSeconds * 1000 <= now.getTime();
  }
}

/** When a voucher reached its final state; undefined while it is issued. */
function finalAtOf(voucher: Voucher): string | undefined {
  switch (voucher.status) {
    case 'issued':
      return undefined;
    case 'redeemed':
      return voucher.redeemedAt;
    case 'void':
      return voucher.voidedAt;
    case 'expired':
      return voucher.expiredAt;
  }
}

/** TTL deletes late: a beneficiary record past its purge time is treated as already gone. */
function retentionPassed(item: Record<string, unknown>, now: Date): boolean {
  return item.ttl !== undefined && Number(item.ttl) <= now.getTime() / 1000;
}
