import type { BeneficiaryRecord, IssuedVoucher } from '../domain/voucher.js';
import type { FinalVoucher } from '../domain/voucher-lifecycle.js';
import {
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
  /** Redeemed only where no other device's offline pool holds it now (the record's lease copy). */
  notHeldByOthers: '(attribute_not_exists(leaseUntil) OR leaseUntil <= :now OR leaseKeyId = :key)',
} as const;

/** The lease copy an issued voucher's record carries; removed when it leaves `issued`. */
const leaseCopy = ['leaseDeviceId', 'leaseKeyId', 'leaseUntil'] as const;

export function voucherIssueWrite(table: TableContext, voucher: IssuedVoucher): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: {
        ...voucherKey(voucher.id),
        gsi1pk: voucherListKey(voucher.orgId),
        gsi1sk: `${voucher.issuedAt}#${voucher.id}`,
        gsi2pk: issuedAtShelterKey(voucher.shelterId),
        gsi2sk: issuedVoucherSort(voucher.validUntil, voucher.id),
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

/**
 * issued -> a final state; redemption is also held to the validity window at `at` and, when
 * asked, to no other key's device holding the voucher at `notHeldByOthers.now`.
 */
export function voucherFinalWrite(
  table: TableContext,
  final: FinalVoucher,
  at: string,
  notHeldByOthers?: { keyId: string; now: string },
): TransactItem {
  const fields = Object.entries(final).filter(
    ([name, value]) =>
      value !== undefined && !issuedOnly.has(name) && !(leaseCopy as readonly string[]).includes(name),
  );
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':issued': 'issued' };
  const guards: string[] = [voucherGuards.stillIssued];
  if (final.status === 'redeemed') {
    guards.push(voucherGuards.withinValidity);
    values[':at'] = at;
  }
  if (final.status === 'redeemed' && notHeldByOthers !== undefined) {
    guards.push(voucherGuards.notHeldByOthers);
    values[':now'] = notHeldByOthers.now;
    values[':key'] = notHeldByOthers.keyId;
  }
  const condition = guards.join(' AND ');
  const sets = fields.map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  return {
    Update: {
      TableName: table.tableName,
      Key: voucherKey(final.id),
      // Leaving `issued` also leaves the index of issued vouchers (and the index a voucher issued
      // before issue 14 may still carry).
      UpdateExpression: `SET ${sets.join(', ')} REMOVE gsi2pk, gsi2sk, gsi3pk, gsi3sk, ${leaseCopy.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * The voucher record's copy of its lease, written in the lease's own transaction (lease-store.ts):
 * `hold` sets it (only while the voucher is issued: a lease of a voucher that left `issued` is
 * refused), `undefined` removes it. Never creates a voucher record.
 */
export function voucherLeaseCopyWrite(
  table: TableContext,
  voucherId: string,
  hold: { deviceId: string; keyId: string; leaseUntil: string } | undefined,
): TransactItem {
  if (hold === undefined) {
    return {
      Update: {
        TableName: table.tableName,
        Key: voucherKey(voucherId),
        UpdateExpression: `REMOVE ${leaseCopy.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
      },
    };
  }
  return {
    Update: {
      TableName: table.tableName,
      Key: voucherKey(voucherId),
      UpdateExpression: 'SET leaseDeviceId = :device, leaseKeyId = :key, leaseUntil = :until',
      ConditionExpression: voucherGuards.stillIssued,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':device': hold.deviceId,
        ':key': hold.keyId,
        ':until': hold.leaseUntil,
        ':issued': 'issued',
      },
    },
  };
}
