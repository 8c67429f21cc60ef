import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { backoffDelay, sleep } from './backoff.js';
import { cancellationReasons, isTransientDynamoError, storeUnavailable } from './store-errors.js';
import type { TableContext } from './table-context.js';

const UNKNOWN_OUTCOME_RETRIES = 4;

/**
 * Sends one transaction so that it applies at most once. A timeout or a 5xx leaves the outcome
 * unknown: the transaction may have committed. Such a failure is answered by sending the very same
 * request again under the same ClientRequestToken, which DynamoDB treats as the same transaction
 * (for ten minutes): if the first committed, the resend reports success without applying it
 * twice. Only a cancellation (DynamoDB's word that nothing was written) is passed back to the
 * caller, who may then plan a new transaction.
 */
export async function transactOnce(
  table: TableContext,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
): Promise<void> {
  const input: TransactWriteCommandInput = { TransactItems: items, ClientRequestToken: randomUUID() };
  for (let attempt = 0; ; attempt++) {
    try {
      await table.doc.send(new TransactWriteCommand(input));
      return;
    } catch (err) {
      if (cancellationReasons(err) !== undefined || !isTransientDynamoError(err)) throw err;
      if (attempt >= UNKNOWN_OUTCOME_RETRIES) throw storeUnavailable(err);
      await sleep(backoffDelay(attempt, 20, 400));
    }
  }
}
