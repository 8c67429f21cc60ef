import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../../shared/store/table-context.js';

/**
 * Reads straight from the table, bypassing the API, for tests that judge what a request left
 * behind. Scan is fine here: these are test tables of a few hundred records, never a request path.
 */

type Row = Record<string, unknown>;

export async function queryPartition(table: TableContext, pk: string, skPrefix?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let start: Row | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: skPrefix === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix === undefined ? {} : { ':prefix': skPrefix }) },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return rows;
}

/** A shelter's ledger, oldest first. */
export function readLedger(table: TableContext, shelterId: string): Promise<Row[]> {
  return queryPartition(table, `SHELTER#${shelterId}`, 'MOVE#');
}

export async function readRecord(table: TableContext, pk: string, sk = 'META'): Promise<Row | undefined> {
  const result = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: { pk, sk }, ConsistentRead: true }),
  );
  return result.Item;
}

/** How many records an index partition holds (e.g. an organisation's vouchers on gsi1). */
export async function countIndexPartition(
  table: TableContext,
  index: 'gsi1' | 'gsi2',
  partition: string,
): Promise<number> {
  let count = 0;
  let start: Row | undefined;
  do {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return count;
}

/**
 * Every record of the table, keyed `pk|sk`, as canonical JSON: two equal snapshots mean nothing
 * changed. Rate-limit counts (`RATE#...`) are left out: they record attempts, refused ones
 * included, by design; they are not state a request changes.
 */
export async function snapshotTable(table: TableContext): Promise<Map<string, string>> {
  const records = new Map<string, string>();
  let start: Row | undefined;
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      if (String(item.pk).startsWith('RATE#')) continue;
      const sorted = Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
      records.set(`${item.pk}|${item.sk}`, JSON.stringify(sorted));
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return records;
}

/** The records added, removed or changed between two snapshots, by key. */
export function snapshotDifference(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changed.push(`added ${key}`);
    else if (before.get(key) !== value) changed.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed;
}
