import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTransitKey } from '../../shared/store/keys.js';
import { backfillInTransit } from '../../shared/usecases/backfill-in-transit.js';
import type { World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { queryPartition } from '../support/table-reads.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildTransferWorld, dispatch } from '../support/transfer-fixtures.js';

/**
 * Transfers dispatched before the in-transit listing existed have no entry in it: the one-off
 * backfill (scripts/backfill-in-transit.ts) lists those still on the road, and nothing else.
 */
describe('listing the transfers already on the road', () => {
  let t: TestApp;
  let world: World;
  let onTheRoad: string;
  let received: string;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
    onTheRoad = (await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 30 }])).body.id as string;
    received = (await dispatch(t, world.logistics, [{ itemId: 'blanket', quantity: 5 }])).body.id as string;
    const receipt = await call(t.app, 'POST', `/v1/transfers/${received}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'blanket', quantity: 5 }] },
    });
    expect(receipt.status).toBe(200);
    // As before the listing existed: the transfer still on the road has no entry.
    await t.table.doc.send(
      new DeleteCommand({ TableName: t.table.tableName, Key: inTransitKey('shelter-b', onTheRoad) }),
    );
  });

  it('lists the transfer still in transit, not the one received, and then counts it in the plan', async () => {
    const before = await call(t.app, 'GET', '/v1/reports/needs?itemId=rice&targetDays=1', {
      key: world.logistics,
    });
    expect(before.body.rows).toEqual([expect.objectContaining({ shelterId: 'shelter-b', inTransit: 0 })]);

    const result = await backfillInTransit({ stores: t.deps.stores });

    expect(result).toEqual({ shelters: 2, listed: 1, alreadyListedOrReceived: 0 });
    expect((await queryPartition(t.table, 'TRANSIT')).map((row) => row.transferId)).toEqual([onTheRoad]);
    const after = await call(t.app, 'GET', '/v1/reports/needs?itemId=rice&targetDays=1', {
      key: world.logistics,
    });
    expect(after.body.rows).toEqual([
      expect.objectContaining({ shelterId: 'shelter-b', inTransit: 30, needed: 30 }),
    ]);
  });

  it('lists nothing twice when run again, and the receipt takes the listed transfer off the road', async () => {
    expect(await backfillInTransit({ stores: t.deps.stores })).toEqual({
      shelters: 2,
      listed: 0,
      alreadyListedOrReceived: 1,
    });

    const receipt = await call(t.app, 'POST', `/v1/transfers/${onTheRoad}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 30 }] },
    });

    expect(receipt.status).toBe(200);
    expect(await queryPartition(t.table, 'TRANSIT')).toEqual([]);
    expect((await backfillInTransit({ stores: t.deps.stores })).listed).toBe(0);
  });

  it('lists no transfer received between the read of it and the write, however stale the read', async () => {
    const stored = await t.deps.stores.transfers.get(received);
    if (stored?.status !== 'received') throw new Error('expected a received transfer');
    const {
      receivedAt: _at,
      receivedBy: _by,
      receiveMovementId: _m,
      receivedLines: _l,
      discrepancies: _d,
      ...rest
    } = stored;

    const listed = await t.deps.stores.inTransit.listIfStillInTransit({ ...rest, status: 'in_transit' });

    expect(listed).toBe(false);
    expect(await queryPartition(t.table, 'TRANSIT')).toEqual([]);
  });
});
