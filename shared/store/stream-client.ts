import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoClientOptions } from './dynamo-client.js';

/** One Streams client per process, like the table's client; local endpoints take dummy credentials. */
export function createStreamsClient(options: DynamoClientOptions = {}): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(options.endpoint === undefined
      ? {}
      : { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    maxAttempts: 3,
  });
}

/** The table's current stream (a table whose stream was re-enabled has a new one). */
export async function latestStreamArn(client: DynamoDBClient, tableName: string): Promise<string> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = described.Table?.LatestStreamArn;
  if (arn === undefined) throw new Error(`Table ${tableName} has no stream`);
  return arn;
}
