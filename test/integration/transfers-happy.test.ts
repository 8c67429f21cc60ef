import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildTransferWorld, dispatch } from '../support/transfer-fixtures.js';

describe('transfers between shelters: happy path', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
  });

  it('records an excess on arrival as a positive discrepancy', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'blanket', quantity: 10 }]);
    expect(sent.status).toBe(201);
    const received = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'blanket', quantity: 12, reason: 'miscounted-at-dispatch' }] },
    });
    expect(received.status).toBe(200);
    expect(received.body.discrepancies).toEqual([
      { itemId: 'blanket', sent: 10, received: 12, difference: 2, reason: 'miscounted-at-dispatch' },
    ]);
    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.balances.get('shelter-a#blanket')?.onHand).toBe(40);
    expect(audit.balances.get('shelter-b#blanket')?.onHand).toBe(12);
  });

  it('lists what is in transit to a shelter and what it sent, and drops a transfer from in transit once received', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 3 }]);
    type Listed = { items: Array<{ id: string; status: string }> };
    const incoming = await call<Listed>(t.app, 'GET', '/v1/transfers?shelterId=shelter-b&status=in_transit', {
      key: world.logistics,
    });
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.map((tr) => tr.id)).toContain(sent.body.id);
    expect(incoming.body.items.every((tr) => tr.status === 'in_transit')).toBe(true);
    const outgoing = await call<Listed>(
      t.app,
      'GET',
      '/v1/transfers?shelterId=shelter-a&direction=outgoing',
      { key: world.logistics },
    );
    expect(outgoing.body.items[0]?.id).toBe(sent.body.id);
    await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 3 }] },
    });
    const after = await call<Listed>(t.app, 'GET', '/v1/transfers?shelterId=shelter-b&status=in_transit', {
      key: world.logistics,
    });
    expect(after.body.items.map((tr) => tr.id)).not.toContain(sent.body.id);
  });
});
