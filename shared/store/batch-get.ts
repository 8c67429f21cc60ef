import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors/app-errors.js';
import { backoffDelay, sleep } from './backoff.js';
import type { TableKey } from './keys.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';

const BATCH_LIMIT = 100;
/** Rounds of asking again for unprocessed keys: with backoff, about a second of throttling. */
const UNPROCESSED_ROUNDS = 8;

/**
 * Reads many items by key: 100 keys per BatchGetItem (DynamoDB's limit). Under load DynamoDB
 * answers some keys "unprocessed"; those are asked for again with jittered backoff. A read is
 * either complete or an error: keys still unprocessed after the last round are StoreUnavailableError
 * (503, Retry-After), never reported as missing. Items that do not exist are absent from the result.
 */
export async function batchGet(
  table: TableContext,
  keys: readonly TableKey[],
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  for (let start = 0; start < unique.length; start += BATCH_LIMIT) {
    let pending: Record<string, unknown>[] = unique
      .slice(start, start + BATCH_LIMIT)
      .map((key) => ({ ...key }));
    for (let round = 0; pending.length > 0; round++) {
      if (round === UNPROCESSED_ROUNDS) {
        throw new StoreUnavailableError('The database is busy; retry shortly.', 1);
      }
      if (round > 0) await sleep(backoffDelay(round - 1, 20, 400));
      const request = { [table.tableName]: { Keys: pending, ConsistentRead: options.consistent === true } };
      const result: BatchGetCommandOutput = await callDynamo(() =>
        table.doc.send(new BatchGetCommand({ RequestItems: request })),
      );
      items.push(...(result.Responses?.[table.tableName] ?? []));
      pending = result.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return items;
}
