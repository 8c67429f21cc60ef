import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { TableChange } from '../events/table-change.js';
import { backoffDelay, sleep } from './backoff.js';
import { type StreamRecord, tableChangeFrom } from './stream-change.js';
import type { StreamCheckpoints } from './stream-checkpoints.js';

export interface StreamReaderOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  checkpoints: StreamCheckpoints;
  /** Handles one batch, in stream order; resolving acknowledges it and advances the checkpoint. */
  handle: (changes: TableChange[]) => Promise<void>;
  /** Records per GetRecords call (the API's maximum is 1,000). */
  batchSize?: number;
  /** Times one batch is handed over within a pass before the pass gives up on it. */
  attemptsPerBatch?: number;
  /** Pause between attempts; jittered backoff by default. */
  retryDelayMs?: (attempt: number) => number;
  /**
   * Hears a record that cannot be decoded (no schema accepts its image), which is then skipped:
   * retrying cannot fix it, and stopping at it would hold back every event after it for good.
   * Only where and why is passed, never the record's content. Without it, such a record stops
   * the reader at itself, as before, which is what the dispatcher Lambda relies on: there,
   * bisection and the dead-letter queue isolate it.
   */
  onUndecodable?: (failure: { shardId: string; sequenceNumber: string | undefined; error: unknown }) => void;
}

/** A batch the handler refused every time it was offered in one pass; its checkpoint did not move. */
export class StreamBatchFailedError extends Error {
  override readonly name = 'StreamBatchFailedError';
  constructor(
    readonly shardId: string,
    override readonly cause: unknown,
  ) {
    super(
      `The handler refused a batch of shard ${shardId}; it will be offered again from the same checkpoint`,
    );
  }
}

export interface StreamReader {
  /**
   * Reads every record available now, shard by shard, parents before children, each from its
   * checkpoint (or the oldest record kept). Resolves with the number of records handled; rejects
   * with StreamBatchFailedError when a batch kept failing, having saved everything before it.
   */
  readAvailable(): Promise<number>;
  /** Reads until `signal` aborts, pausing `idleMs` when nothing new came; `onError` hears failed passes. */
  run(options: { signal: AbortSignal; idleMs?: number; onError: (err: unknown) => void }): Promise<void>;
}

/**
 * Reads the table's stream through the DynamoDB Streams API: what `npm start` and the tests use in
 * place of Lambda's event source mapping, handing the same TableChanges to the same handler.
 * Order is the stream's: within a shard by sequence number, and a child shard only once its
 * parent is read to its end. Delivery is at least once: a batch is acknowledged only by the
 * handler's success, and is offered again (never skipped) until it succeeds.
 */
export function createStreamReader(options: StreamReaderOptions): StreamReader {
  const { client, streamArn, checkpoints, handle } = options;
  const attempts = options.attemptsPerBatch ?? 3;
  const retryDelay = options.retryDelayMs ?? ((attempt: number) => backoffDelay(attempt, 50, 2000));

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await client.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
    return shards;
  }

  /** Decodes a page; undecodable records are reported and dropped when a listener is given. */
  function decode(shardId: string, records: StreamRecord[]): TableChange[] {
    const report = options.onUndecodable;
    if (report === undefined) return records.map(tableChangeFrom);
    const changes: TableChange[] = [];
    for (const record of records) {
      try {
        changes.push(tableChangeFrom(record));
      } catch (error) {
        report({ shardId, sequenceNumber: record.dynamodb?.SequenceNumber, error });
      }
    }
    return changes;
  }

  async function deliver(shardId: string, records: StreamRecord[]): Promise<void> {
    // Decoded once where undecodable records are reported, so each is reported once.
    let changes: TableChange[] | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        // Decoding is part of the attempt: without a listener, a malformed record stops the
        // reader at it, loudly.
        changes ??= decode(shardId, records);
        if (changes.length > 0) await handle(changes);
        return;
      } catch (err) {
        if (attempt >= attempts) throw new StreamBatchFailedError(shardId, err);
        await sleep(retryDelay(attempt));
      }
    }
  }

  /** Reads one shard from its checkpoint to its end (closed) or to the newest record (open). */
  async function readShard(shardId: string): Promise<number> {
    const checkpoint = await checkpoints.load(shardId);
    if (checkpoint?.finished) return 0;
    let sequenceNumber = checkpoint?.sequenceNumber;
    const start = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(sequenceNumber === undefined
          ? { ShardIteratorType: 'TRIM_HORIZON' }
          : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequenceNumber }),
      }),
    );
    let iterator = start.ShardIterator;
    let handled = 0;
    while (iterator !== undefined) {
      const page = await client.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize ?? 1000 }),
      );
      const records = page.Records ?? [];
      if (records.length > 0) {
        await deliver(shardId, records as StreamRecord[]);
        sequenceNumber = records[records.length - 1]?.dynamodb?.SequenceNumber;
        handled += records.length;
      }
      iterator = page.NextShardIterator;
      const finished = iterator === undefined;
      if (records.length > 0 || finished) {
        await checkpoints.save(shardId, {
          ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
          finished,
        });
      }
      // An open shard with nothing new: caught up for this pass.
      if (records.length === 0) break;
    }
    return handled;
  }

  async function parentFinished(shard: Shard, known: ReadonlySet<string>): Promise<boolean> {
    const parent = shard.ParentShardId;
    // A parent the stream no longer lists was trimmed: there is nothing of it left to read first.
    if (parent === undefined || !known.has(parent)) return true;
    return (await checkpoints.load(parent))?.finished === true;
  }

  async function readAvailable(): Promise<number> {
    const shards = await listShards();
    const known = new Set(shards.flatMap((shard) => (shard.ShardId === undefined ? [] : [shard.ShardId])));
    const pending = shards.filter((shard) => shard.ShardId !== undefined);
    let handled = 0;
    // Parents before children: each round reads the shards whose parent is done, until a round
    // reads none (the rest wait for a parent still open, or for the next pass).
    for (let progressed = true; progressed && pending.length > 0; ) {
      progressed = false;
      for (const shard of [...pending]) {
        if (!(await parentFinished(shard, known))) continue;
        handled += await readShard(shard.ShardId as string);
        pending.splice(pending.indexOf(shard), 1);
        progressed = true;
      }
    }
    return handled;
  }

  return {
    readAvailable,
    async run({ signal, idleMs = 250, onError }) {
      while (!signal.aborted) {
        let handled = 0;
        try {
          handled = await readAvailable();
        } catch (err) {
          onError(err);
        }
        if (handled === 0 && !signal.aborted) await sleep(idleMs);
      }
    },
  };
}
