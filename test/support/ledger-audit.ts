import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addQuantities } from '../../shared/domain/quantity.js';
import type { TableContext } from '../../shared/store/table-context.js';
import { queryPartition } from './table-reads.js';

/**
 * Reads the table itself, not the API: every balance and every ledger movement, to check
 * invariant 2 (onHand equals the sum of movements) and invariant 1 (nothing negative).
 */
export interface LedgerAudit {
  balances: Map<string, { onHand: number; reserved: number }>;
  ledgerSums: Map<string, number>;
  mismatches: string[];
  negatives: string[];
}

export async function auditLedger(table: TableContext, shelterIds: string[]): Promise<LedgerAudit> {
  const balances = new Map<string, { onHand: number; reserved: number }>();
  for (const row of await queryPartition(table, 'STOCK')) {
    balances.set(String(row.sk), { onHand: Number(row.onHand), reserved: Number(row.reserved) });
  }
  const ledgerSums = new Map<string, number>();
  for (const shelterId of shelterIds) {
    const rows = await queryPartition(table, `SHELTER#${shelterId}`);
    for (const row of rows.filter((r) => String(r.sk).startsWith('MOVE#'))) {
      for (const line of row.lines as Array<{ itemId: string; quantity: number }>) {
        const key = `${shelterId}#${line.itemId}`;
        ledgerSums.set(key, addQuantities(ledgerSums.get(key) ?? 0, line.quantity));
      }
    }
  }
  const mismatches: string[] = [];
  const negatives: string[] = [];
  for (const [key, balance] of balances) {
    if (!shelterIds.some((id) => key.startsWith(`${id}#`))) continue;
    const sum = ledgerSums.get(key) ?? 0;
    if (sum !== balance.onHand) mismatches.push(`${key}: onHand ${balance.onHand} but ledger sums to ${sum}`);
    if (balance.onHand < 0 || balance.reserved < 0) negatives.push(`${key}: ${JSON.stringify(balance)}`);
  }
  for (const key of ledgerSums.keys()) {
    if (!balances.has(key)) mismatches.push(`${key}: ledger entries without a balance`);
  }
  return { balances, ledgerSums, mismatches, negatives };
}

/**
 * Invariant 3, read from the table: each balance's `reserved` equals the lines of that shelter's
 * vouchers still `issued` (found through the sparse index of issued vouchers, one partition per shelter), and `available`
 * equals onHand - reserved.
 */
export async function auditReservations(
  table: TableContext,
): Promise<{ mismatches: string[]; reservedByKey: Map<string, number> }> {
  const reservedByKey = new Map<string, number>();
  const stock = await queryPartition(table, 'STOCK');
  const shelterIds = new Set(stock.map((row) => String(row.shelterId ?? String(row.sk).split('#')[0])));
  // Each shelter's issued vouchers, and the single partition vouchers issued before the split used.
  const partitions = [...[...shelterIds].map((id) => `SHELTER#${id}#ISSUED`), 'ISSUED'];
  for (const partition of partitions) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :issued',
          ExpressionAttributeValues: { ':issued': partition },
          ExclusiveStartKey: start,
        }),
      );
      for (const voucher of page.Items ?? []) {
        for (const line of voucher.lines as Array<{ itemId: string; quantity: number }>) {
          const key = `${voucher.shelterId}#${line.itemId}`;
          reservedByKey.set(key, addQuantities(reservedByKey.get(key) ?? 0, line.quantity));
        }
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
  }
  const mismatches: string[] = [];
  for (const row of stock) {
    const key = String(row.sk);
    const expected = reservedByKey.get(key) ?? 0;
    if (Number(row.reserved) !== expected)
      mismatches.push(`${key}: reserved ${row.reserved} but issued vouchers hold ${expected}`);
    if (addQuantities(Number(row.onHand), -Number(row.reserved)) !== Number(row.available)) {
      mismatches.push(
        `${key}: available ${row.available} is not onHand ${row.onHand} - reserved ${row.reserved}`,
      );
    }
  }
  return { mismatches, reservedByKey };
}
