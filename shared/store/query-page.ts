import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

/**
 * One page of a listing: a single Query starting after the caller's cursor, which must belong to
 * the same partition (`partition` names its key attributes and values), each item read back
 * through `read` (a record schema's parse), and the cursor of the next page.
 */
export async function queryPage<T>(
  table: TableContext,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  page: {
    partition: Record<string, string>;
    cursor?: string | undefined;
    read: (item: Record<string, unknown>) => T;
  },
): Promise<Page<T>> {
  const result = await callDynamo(() =>
    table.doc.send(
      new QueryCommand({
        ...query,
        TableName: table.tableName,
        ExclusiveStartKey: decodeCursor(page.cursor, page.partition),
      }),
    ),
  );
  return {
    items: (result.Items ?? []).map(page.read),
    nextCursor: encodeCursor(result.LastEvaluatedKey),
  };
}
