import { BatchGetCommand, type BatchGetCommandInput, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../shared/errors/app-errors.js';
import { batchGet } from '../../shared/store/batch-get.js';
import type { TableKey } from '../../shared/store/keys.js';
import { realSendOf } from '../support/dynamo-faults.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallResult, call, isProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

/**
 * DynamoDB answers part of a BatchGetItem "unprocessed" when it is throttled, which DynamoDB
 * Local never does: aws-sdk-client-mock plays that part, every other call reaches the table.
 */
describe('batch reads under throttling', () => {
  let t: TestApp;
  let world: World;
  const keys: TableKey[] = Array.from({ length: 6 }, (_, i) => ({ pk: `BATCH#${i}`, sk: 'META' }));

  /**
   * Throttles `rounds` BatchGetItem calls: the first serves `processed` keys, the others none;
   * every key not served comes back unprocessed. Calls after those reach the table.
   */
  function throttleBatchGets(processed: number, rounds = Number.POSITIVE_INFINITY) {
    const realSend = realSendOf(t.table.doc);
    const mock = mockClient(t.table.doc);
    let throttled = 0;
    mock.send.callsFake((command: unknown) => realSend(command));
    mock.on(BatchGetCommand).callsFake(async (input: BatchGetCommandInput) => {
      const request = input.RequestItems?.[t.table.tableName];
      if (request === undefined || throttled >= rounds) return realSend(new BatchGetCommand(input));
      const served = (request.Keys ?? []).slice(0, throttled === 0 ? processed : 0);
      throttled += 1;
      const answered =
        served.length === 0
          ? { Responses: { [t.table.tableName]: [] } }
          : await realSend(
              new BatchGetCommand({ RequestItems: { [t.table.tableName]: { ...request, Keys: served } } }),
            );
      return {
        ...answered,
        UnprocessedKeys: {
          [t.table.tableName]: { ...request, Keys: (request.Keys ?? []).slice(served.length) },
        },
      };
    });
    return mock;
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    for (const key of keys) {
      await t.table.doc.send(new PutCommand({ TableName: t.table.tableName, Item: { ...key, n: key.pk } }));
    }
  });

  it('asks again for unprocessed keys until every item is read', async () => {
    const mock = throttleBatchGets(1, 3);
    try {
      const items = await batchGet(t.table, keys);
      expect(items.map((item) => item.pk).sort()).toEqual(keys.map((key) => key.pk).sort());
    } finally {
      mock.restore();
    }
  });

  it('fails as unavailable when keys stay unprocessed, rather than call them missing', async () => {
    const mock = throttleBatchGets(2);
    try {
      await expect(batchGet(t.table, keys)).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      mock.restore();
    }
  });

  it('answers a voucher listing 503 with Retry-After, not vouchers without their household size', async () => {
    await stockShelter(t, world.logistics, 'shelter-a', [{ itemId: 'rice', quantity: 50 }]);
    for (let i = 0; i < 3; i++)
      await issue(t, world.coordinator, {
        beneficiaryRef: `HH-BATCH-${i}`,
        lines: [{ itemId: 'rice', quantity: 1 }],
      });
    const mock = throttleBatchGets(1);
    let listing: CallResult;
    try {
      listing = await call(t.app, 'GET', '/v1/vouchers', { key: world.coordinator });
    } finally {
      mock.restore();
    }
    expect(listing.status).toBe(503);
    expect(isProblem(listing)).toBe(true);
    expect(listing.headers.get('retry-after')).not.toBeNull();
    const calm = await call<{ items: Array<{ householdSize: number | null }> }>(
      t.app,
      'GET',
      '/v1/vouchers',
      {
        key: world.coordinator,
      },
    );
    expect(calm.body.items.map((voucher) => voucher.householdSize)).toEqual([4, 4, 4]);
  });
});
