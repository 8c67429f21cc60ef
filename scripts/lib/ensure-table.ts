import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, tableDefinition } from '../../shared/store/table-definition.js';

/**
 * Creates the table from the shared definition if it is missing, and adds any index or the stream
 * the definition gained since (a developer's .data/ from an older checkout). Returns whether it
 * created it.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  let existing: string[] | undefined;
  let streamed = false;
  try {
    const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
    existing = (described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '');
    streamed = described.Table?.StreamSpecification?.StreamEnabled === true;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  const input = createTableInput(tableName);
  if (existing !== undefined) {
    if (!streamed) {
      await client.send(
        new UpdateTableCommand({ TableName: tableName, StreamSpecification: input.StreamSpecification }),
      );
    }
    for (const index of input.GlobalSecondaryIndexes ?? []) {
      if (existing.includes(index.IndexName ?? '')) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: input.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: index.IndexName,
                KeySchema: index.KeySchema,
                Projection: index.Projection,
              },
            },
          ],
        }),
      );
    }
    return false;
  }
  await client.send(new CreateTableCommand(input));
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
    }),
  );
  return true;
}
