import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every store needs: the shared document client and the table's name. */
export interface TableContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

const keyAttributes = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  // Vouchers issued before issue 14 folded gsi3 into gsi2 may still carry its keys.
  'gsi3pk',
  'gsi3sk',
  'ttl',
]);

/** Drops the storage-only attributes from an item read back from the table. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!keyAttributes.has(name)) record[name] = value;
  }
  return record as T;
}
