import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildTransferWorld, dispatch } from '../support/transfer-fixtures.js';

describe('transfers between shelters: access', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
  });

  it('lets only the sending shelter dispatch and only the receiving shelter receive', async () => {
    const intoA = await dispatch(
      t,
      world.logistics,
      [{ itemId: 'rice', quantity: 1 }],
      'shelter-a',
      'shelter-b',
    );
    const receiveAsA = await call(t.app, 'POST', `/v1/transfers/${intoA.body.id}/receive`, {
      key: world.logisticsA,
      body: { lines: [{ itemId: 'rice', quantity: 1 }] },
    });
    expect(receiveAsA.status).toBe(404);
    const fromB = await dispatch(
      t,
      world.logisticsA,
      [{ itemId: 'rice', quantity: 1 }],
      'shelter-b',
      'shelter-a',
    );
    expect(fromB.status).toBe(403);
    expect((await dispatch(t, world.coordinator, [{ itemId: 'rice', quantity: 1 }])).status).toBe(403);
  });

  it('lets only a key that reaches the shelter, and no coordinator, list its transfers', async () => {
    expect(
      (await call(t.app, 'GET', '/v1/transfers?shelterId=shelter-b', { key: world.logisticsA })).status,
    ).toBe(403);
    expect(
      (await call(t.app, 'GET', '/v1/transfers?shelterId=shelter-a', { key: world.coordinator })).status,
    ).toBe(403);
  });
});
