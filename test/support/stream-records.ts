import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { createStreamsClient } from '../../shared/store/stream-client.js';

/** Every record of the table's stream so far, as Lambda's event source would hand them over. */
export async function streamRecords(endpoint: string, streamArn: string) {
  const client = createStreamsClient({ endpoint, region: 'local' });
  const described = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records = [];
  for (const shard of described.StreamDescription?.Shards ?? []) {
    let iterator = (
      await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator !== undefined) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      records.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records;
}
