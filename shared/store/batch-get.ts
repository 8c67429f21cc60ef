import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { TableKey } from './keys.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

const BATCH_LIMIT = 100;
const UNPROCESSED_RETRIES = 5;

/**
 * Reads many items by key: 100 keys per BatchGetItem (DynamoDB's limit), asking again for keys
 * DynamoDB returns unprocessed under load. Missing items are simply absent from the result.
 */
export async function batchGet(
  table: TableContext,
  keys: readonly TableKey[],
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  for (let start = 0; start < unique.length; start += BATCH_LIMIT) {
    let pending: Record<string, unknown>[] | undefined = unique
      .slice(start, start + BATCH_LIMIT)
      .map((key) => ({ ...key }));
    for (
      let attempt = 0;
      pending !== undefined && pending.length > 0 && attempt < UNPROCESSED_RETRIES;
      attempt++
    ) {
      const request = { [table.tableName]: { Keys: pending, ConsistentRead: options.consistent === true } };
      const result: BatchGetCommandOutput = await callDynamo(() =>
        table.doc.send(new BatchGetCommand({ RequestItems: request })),
      );
      items.push(...(result.Responses?.[table.tableName] ?? []));
      pending = result.UnprocessedKeys?.[table.tableName]?.Keys;
    }
  }
  return items;
}
