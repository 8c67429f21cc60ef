// AWS Lambda entry for events: the table's stream, through an event source mapping, in batches.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { composeDispatcher } from '../shared/composition-root.js';
import { type StreamRecord, tableChangeFrom } from '../shared/store/stream-change.js';
import { dispatchTableChanges } from '../shared/usecases/dispatch-events.js';

const deps = composeDispatcher();

/**
 * Dispatches a batch at once; if that fails, record by record in stream order, and reports the
 * first record that fails as the batch item failure: Lambda retries from there (bisecting on
 * error), and what came before it is not offered again. Dispatch is idempotent, so the records
 * the whole-batch attempt already handled cost nothing the second time.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records as unknown as StreamRecord[];
  try {
    await dispatchTableChanges(records.map(tableChangeFrom), deps);
    return { batchItemFailures: [] };
  } catch {
    for (const record of records) {
      try {
        await dispatchTableChanges([tableChangeFrom(record)], deps);
      } catch (err) {
        deps.logger.error('event dispatch failed; Lambda retries from this record', {
          sequenceNumber: record.dynamodb?.SequenceNumber,
          error: err instanceof Error ? err.message : String(err),
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  }
}
