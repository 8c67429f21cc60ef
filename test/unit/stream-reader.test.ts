import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../../shared/store/stream-checkpoints.js';
import { createStreamReader, StreamBatchFailedError } from '../../shared/store/stream-reader.js';

/**
 * Shard lineage: DynamoDB Local keeps one shard per table and never splits it, so the Streams API
 * is mocked here (only here) to show a reader a parent closed mid-stream and its children.
 */
const record = (id: string, sequence: string) => ({
  eventID: id,
  eventName: 'INSERT' as const,
  dynamodb: { Keys: marshall({ pk: `ORG#${id}`, sk: 'META' }), SequenceNumber: sequence },
});

function streamOf(shards: Array<{ id: string; parent?: string; records: string[]; closed: boolean }>) {
  const client = new DynamoDBStreamsClient({ region: 'local' });
  const mock = mockClient(client);
  mock.on(DescribeStreamCommand).resolves({
    StreamDescription: {
      Shards: shards.map((shard) => ({ ShardId: shard.id, ParentShardId: shard.parent })),
    },
  });
  mock
    .on(GetShardIteratorCommand)
    .callsFake((input: { ShardId: string }) => ({ ShardIterator: `${input.ShardId}@0` }));
  mock.on(GetRecordsCommand).callsFake((input: { ShardIterator: string }) => {
    const [id, at] = input.ShardIterator.split('@');
    const shard = shards.find((s) => s.id === id);
    if (shard === undefined) throw new Error(`no shard ${id}`);
    if (at === '0' && shard.records.length > 0) {
      return {
        Records: shard.records.map((name, i) => record(name, `${id}-${i}`)),
        NextShardIterator: `${id}@1`,
      };
    }
    return { Records: [], ...(shard.closed ? {} : { NextShardIterator: `${id}@1` }) };
  });
  return client;
}

async function readOnce(client: DynamoDBStreamsClient) {
  const seen: string[] = [];
  const checkpoints = memoryCheckpoints();
  const reader = createStreamReader({
    client,
    streamArn: 'arn:stream',
    checkpoints,
    handle: async (batch) => {
      seen.push(...batch.map((change) => change.changeId));
    },
  });
  await reader.readAvailable();
  return { seen, checkpoints };
}

describe('stream reader: shard lineage', () => {
  it('reads a parent to its end before its children, whatever order the stream lists them in', async () => {
    const client = streamOf([
      { id: 'child-2', parent: 'parent', records: ['c2'], closed: false },
      { id: 'grandchild', parent: 'child-1', records: ['g1'], closed: false },
      { id: 'child-1', parent: 'parent', records: ['c1'], closed: true },
      { id: 'parent', records: ['p1', 'p2'], closed: true },
    ]);
    const { seen, checkpoints } = await readOnce(client);
    expect(seen.slice(0, 2)).toEqual(['p1', 'p2']);
    expect(seen.indexOf('g1')).toBeGreaterThan(seen.indexOf('c1'));
    expect(seen.sort()).toEqual(['c1', 'c2', 'g1', 'p1', 'p2']);
    expect(await checkpoints.load('parent')).toEqual({ sequenceNumber: 'parent-1', finished: true });
    expect(await checkpoints.load('child-2')).toEqual({ sequenceNumber: 'child-2-0', finished: false });
  });

  it('leaves a child for a later pass while its parent is still open', async () => {
    const client = streamOf([
      { id: 'parent', records: ['p1'], closed: false },
      { id: 'child', parent: 'parent', records: ['c1'], closed: false },
    ]);
    const { seen } = await readOnce(client);
    expect(seen).toEqual(['p1']);
  });

  it('reads a child whose parent the stream has trimmed away', async () => {
    const client = streamOf([{ id: 'child', parent: 'gone', records: ['c1'], closed: false }]);
    expect((await readOnce(client)).seen).toEqual(['c1']);
  });
});

describe('stream reader: a record no schema accepts', () => {
  /** One shard: good records around a voucher record whose image is not a voucher. */
  function streamWithMalformedVoucher() {
    const client = new DynamoDBStreamsClient({ region: 'local' });
    const mock = mockClient(client);
    mock.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [{ ShardId: 'only' }] } });
    mock.on(GetShardIteratorCommand).resolves({ ShardIterator: 'only@0' });
    const bare = {
      eventID: 'bad',
      eventName: 'INSERT' as const,
      dynamodb: {
        Keys: marshall({ pk: 'VOUCHER#01J00000000000000000000000', sk: 'META' }),
        NewImage: marshall({
          pk: 'VOUCHER#01J00000000000000000000000',
          sk: 'META',
          status: 'issued',
          code: 42,
          note: 'Sokha Chan',
        }),
        SequenceNumber: 'only-1',
      },
    };
    mock
      .on(GetRecordsCommand)
      .callsFake((input: { ShardIterator: string }) =>
        input.ShardIterator === 'only@0'
          ? { Records: [record('a', 'only-0'), bare, record('c', 'only-2')], NextShardIterator: 'only@1' }
          : { Records: [], NextShardIterator: 'only@1' },
      );
    return client;
  }

  it('is reported by where and why, skipped, and the records around it are handled', async () => {
    const seen: string[] = [];
    const reported: Array<{ shardId: string; sequenceNumber: string | undefined; message: string }> = [];
    const checkpoints = memoryCheckpoints();
    const reader = createStreamReader({
      client: streamWithMalformedVoucher(),
      streamArn: 'arn:stream',
      checkpoints,
      handle: async (batch) => {
        seen.push(...batch.map((change) => change.changeId));
      },
      onUndecodable: ({ shardId, sequenceNumber, error }) =>
        reported.push({ shardId, sequenceNumber, message: (error as Error).message }),
    });
    expect(await reader.readAvailable()).toBe(3);
    expect(seen).toEqual(['a', 'c']);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ shardId: 'only', sequenceNumber: 'only-1' });
    // The report names the key and fields, never the image's values.
    expect(reported[0]?.message).toContain('VOUCHER#01J00000000000000000000000');
    expect(reported[0]?.message).not.toContain('Sokha');
    expect(reported[0]?.message).not.toContain('42');
    expect(await checkpoints.load('only')).toEqual({ sequenceNumber: 'only-2', finished: false });
  });

  it('stops the reader at itself when no one listens (the Lambda path: bisection and the DLQ)', async () => {
    const checkpoints = memoryCheckpoints();
    const reader = createStreamReader({
      client: streamWithMalformedVoucher(),
      streamArn: 'arn:stream',
      checkpoints,
      handle: async () => {},
      retryDelayMs: () => 0,
    });
    await expect(reader.readAvailable()).rejects.toBeInstanceOf(StreamBatchFailedError);
    expect(await checkpoints.load('only')).toBeUndefined();
  });
});
