import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { movementKey, stockKey, voucherKey } from '../../shared/store/keys.js';
import type { TableContext } from '../../shared/store/table-context.js';

/** What the raw calls learn and write: enough for an HTTP answer like the API's. */
export interface RawRedemption {
  voucher: {
    id: string;
    code: string;
    shelterId: string;
    lines: Array<{ itemId: string; quantity: number }>;
  };
  redeemedAt: string;
  movementId: string;
}

/**
 * The physical baseline: the fewest DynamoDB calls any implementation of "redeem this voucher
 * exactly once against live stock" needs on this table: read the voucher (which lines, which
 * shelter), then one transaction that flips its status under a condition, takes each line out
 * of stock and reservation under a condition (the voucher leaving the index of issued vouchers,
 * as any correct redemption on this table must), and appends the ledger entry. No HTTP, no auth,
 * no idempotency record, no validation: the SDK straight to the same DynamoDB Local.
 */
export async function rawRedemption(table: TableContext, voucherId: string): Promise<RawRedemption> {
  const read = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: voucherKey(voucherId), ConsistentRead: true }),
  );
  const voucher = read.Item as RawRedemption['voucher'];
  const at = new Date().toISOString();
  const movementId = ulid();
  await table.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table.tableName,
            Key: voucherKey(voucherId),
            // Leaving `issued` leaves the shelter's issued-voucher index too, or the voucher would
            // still be listed as live (the sweeper's, the offline pack's and the counts' source).
            UpdateExpression: 'SET #status = :redeemed, redeemedAt = :at REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#status = :issued',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':redeemed': 'redeemed', ':issued': 'issued', ':at': at },
          },
        },
        ...voucher.lines.map((line) => ({
          Update: {
            TableName: table.tableName,
            Key: stockKey(voucher.shelterId, line.itemId),
            UpdateExpression: 'ADD onHand :minus, reserved :minus',
            ConditionExpression: 'onHand >= :q AND reserved >= :q',
            ExpressionAttributeValues: { ':minus': -line.quantity, ':q': line.quantity },
          },
        })),
        {
          Put: {
            TableName: table.tableName,
            Item: {
              ...movementKey(voucher.shelterId, movementId),
              type: 'distribution',
              voucherId,
              lines: voucher.lines,
              at,
            },
          },
        },
      ],
    }),
  );
  return { voucher, redeemedAt: at, movementId };
}
