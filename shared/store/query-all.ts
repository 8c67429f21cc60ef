import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

/**
 * Every item a Query matches, page after page (DynamoDB answers at most 1 MB per call). For
 * listings that are read whole (a round's claims, a device's pool); paged listings use
 * query-page.ts.
 */
export async function queryAll(
  table: TableContext,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await callDynamo(() =>
      table.doc.send(new QueryCommand({ ...query, TableName: table.tableName, ExclusiveStartKey: start })),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}
