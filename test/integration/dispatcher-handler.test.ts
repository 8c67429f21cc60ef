import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestStreamArn } from '../../shared/store/stream-client.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { streamRecords } from '../support/stream-records.js';
import { createTestApp, freshTable, localClient, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

describe('the dispatcher Lambda entry', () => {
  let t: TestApp;
  let world: World;
  let endpoint: string;
  let streamArn: string;
  let handler: (
    event: DynamoDBStreamEvent,
  ) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;

  beforeAll(async () => {
    const table = await freshTable();
    endpoint = table.endpoint;
    t = await createTestApp({ table });
    world = await buildWorld(t);
    streamArn = await latestStreamArn(localClient(endpoint), table.tableName);
    // The entry reads its environment at module scope, as on Lambda.
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: endpoint,
      WEBHOOK_URL_POLICY: 'local-development',
      LOG_LEVEL: 'silent',
      // Read at start-up; KMS is asked only when a secret is sealed or opened, which no test here does.
      SEALING_KEY_ARN: 'arn:aws:kms:ap-southeast-1:111122223333:key/test',
    });
    ({ handler } = await import('../../functions/dispatcher.js'));
    await stockShelter(t, world.logistics, 'shelter-a', [{ itemId: 'water', quantity: 100 }]);
  });

  it('feeds the events of a batch and reports no failure', async () => {
    const voucher = await issue(t, world.coordinator, { lines: [{ itemId: 'water', quantity: 3 }] });
    const records = await streamRecords(endpoint, streamArn);
    const result = await handler({ Records: records } as unknown as DynamoDBStreamEvent);
    expect(result).toEqual({ batchItemFailures: [] });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const feed = await call<{ items: Array<{ type: string; data: { voucherId?: string } }> }>(
      t.app,
      'GET',
      '/v1/events?types=voucher.issued',
      { key: world.coordinator },
    );
    expect(feed.body.items.map((event) => event.data.voucherId)).toEqual([voucher.id]);
    // The same batch again (Lambda retries): nothing is fed twice.
    expect(await handler({ Records: records } as unknown as DynamoDBStreamEvent)).toEqual({
      batchItemFailures: [],
    });
    const again = await call<{ items: unknown[] }>(t.app, 'GET', '/v1/events?types=voucher.issued', {
      key: world.coordinator,
    });
    expect(again.body.items).toHaveLength(1);
  });

  it('reports the first record it cannot handle, so that Lambda retries from there and not before', async () => {
    const records = await streamRecords(endpoint, streamArn);
    const broken = records.length - 1;
    const malformed = records.map((record, i) =>
      i === broken ? { ...record, dynamodb: { ...record.dynamodb, Keys: undefined } } : record,
    );
    const result = await handler({ Records: malformed } as unknown as DynamoDBStreamEvent);
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: records[broken]?.dynamodb?.SequenceNumber }],
    });
  });
});
