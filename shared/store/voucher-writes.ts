import type { BeneficiaryRecord, IssuedVoucher } from '../domain/voucher.js';
import type { FinalVoucher } from '../domain/voucher-lifecycle.js';
import {
  ISSUED_VOUCHERS,
  issuedAtShelterKey,
  issuedVoucherSort,
  voucherBeneficiaryKey,
  voucherCodeKey,
  voucherKey,
  voucherListKey,
} from './keys.js';
import type { TableContext } from './table-context.js';
import type { TransactItem } from './transaction.js';

/** The writes of a voucher's own records; balance lines are built in stock-balance-writes.ts. */

/** Conditions on the voucher record, each named for the rule it keeps. */
const voucherGuards = {
  /** A voucher is written once: a second issue under its id must not replace it. */
  isNew: 'attribute_not_exists(pk)',
  /** Exactly once: a voucher leaves `issued` once, whichever request gets there first. */
  stillIssued: '#status = :issued',
  /** Redeemed only inside its validity window, whatever the request read earlier. */
  withinValidity: 'validUntil > :at AND validFrom <= :at',
} as const;

export function voucherIssueWrite(table: TableContext, voucher: IssuedVoucher): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: {
        ...voucherKey(voucher.id),
        gsi1pk: voucherListKey(voucher.orgId),
        gsi1sk: `${voucher.issuedAt}#${voucher.id}`,
        gsi2pk: ISSUED_VOUCHERS,
        gsi2sk: issuedVoucherSort(voucher.validUntil, voucher.id),
        gsi3pk: issuedAtShelterKey(voucher.shelterId),
        gsi3sk: `${voucher.issuedAt}#${voucher.id}`,
        ...voucher,
      },
      ConditionExpression: voucherGuards.isNew,
    },
  };
}

export function voucherCodeWrite(table: TableContext, voucher: IssuedVoucher): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...voucherCodeKey(voucher.code), voucherId: voucher.id },
      // Codes are random: a collision with an existing code must not hijack it.
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function beneficiaryWrite(table: TableContext, beneficiary: BeneficiaryRecord): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...voucherBeneficiaryKey(beneficiary.voucherId), ...beneficiary },
    },
  };
}

/** Fields fixed at issue: a final state never rewrites them. */
const issuedOnly = new Set([
  'id',
  'lines',
  'orgId',
  'shelterId',
  'code',
  'issuedAt',
  'issuedBy',
  'roundId',
  'rulesVersion',
  'language',
]);

/** issued -> a final state; redemption is also held to the validity window at `at`. */
export function voucherFinalWrite(table: TableContext, final: FinalVoucher, at: string): TransactItem {
  const fields = Object.entries(final).filter(
    ([name, value]) => value !== undefined && !issuedOnly.has(name),
  );
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':issued': 'issued' };
  const condition =
    final.status === 'redeemed'
      ? `${voucherGuards.stillIssued} AND ${voucherGuards.withinValidity}`
      : voucherGuards.stillIssued;
  if (final.status === 'redeemed') values[':at'] = at;
  const sets = fields.map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  return {
    Update: {
      TableName: table.tableName,
      Key: voucherKey(final.id),
      // Leaving `issued` also leaves the indexes of issued vouchers (the sweeper's and the shelter's).
      UpdateExpression: `SET ${sets.join(', ')} REMOVE gsi2pk, gsi2sk, gsi3pk, gsi3sk`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
