import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../scripts/lib/ensure-table.js';
import { createTableInput } from '../../shared/store/table-definition.js';
import { localClient } from '../support/test-app.js';

describe('ensuring the table at start-up', () => {
  it('creates it with its indexes and its stream of new and old images', async () => {
    const client = localClient();
    const tableName = `fresh-${randomUUID()}`;
    expect(await ensureTable(client, tableName)).toBe(true);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toBeDefined();
  });

  it('brings a table from an older checkout up to date: its missing indexes and the stream', async () => {
    const client = localClient();
    const tableName = `older-${randomUUID()}`;
    // As the checkout before gsi2 and the stream made it. (One index at a time: DynamoDB builds
    // one new index per table at once.)
    const {
      StreamSpecification: _stream,
      GlobalSecondaryIndexes = [],
      ...current
    } = createTableInput(tableName);
    const keyNames = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk']);
    await client.send(
      new CreateTableCommand({
        ...current,
        AttributeDefinitions: current.AttributeDefinitions?.filter((a) =>
          keyNames.has(a.AttributeName ?? ''),
        ),
        GlobalSecondaryIndexes: GlobalSecondaryIndexes.slice(0, 1),
      }),
    );
    expect(await ensureTable(client, tableName)).toBe(false);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    // Once up to date, a second start changes nothing (enabling a stream twice would be refused).
    await expect(ensureTable(client, tableName)).resolves.toBe(false);
  });
});
