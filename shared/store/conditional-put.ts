import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { callDynamo, isConditionFailure } from './store-errors.js';
import type { TableContext } from './table-context.js';

export interface ConditionalPut {
  item: Record<string, unknown>;
  /** What must hold for the write to happen; the one-line why stays with the caller. */
  condition: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Ask DynamoDB for the item that refused the write, in the same round trip. */
  returnExisting?: boolean;
}

/** A refused condition is an answer, not a failure: what is there already, when it was asked for. */
export type ConditionalPutOutcome =
  | { written: true }
  | { written: false; existing: Record<string, unknown> | undefined };

/**
 * One conditional PutItem. Transient failures become 503 at the boundary (callDynamo); a failed
 * condition comes back as `written: false` for the calling store to name in its own terms.
 */
export async function conditionalPut(
  table: TableContext,
  put: ConditionalPut,
): Promise<ConditionalPutOutcome> {
  try {
    await callDynamo(() =>
      table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: put.item,
          ConditionExpression: put.condition,
          ...(put.names === undefined ? {} : { ExpressionAttributeNames: put.names }),
          ...(put.values === undefined ? {} : { ExpressionAttributeValues: put.values }),
          ...(put.returnExisting === true ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
        }),
      ),
    );
    return { written: true };
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const raw = (err as { Item?: Record<string, never> }).Item;
    return { written: false, existing: raw === undefined ? undefined : unmarshall(raw) };
  }
}
