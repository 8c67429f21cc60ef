import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('transfers between shelters', () => {
  let t: TestApp;
  let world: World;

  const dispatch = (key: string, lines: unknown, from = 'shelter-a', to = 'shelter-b') =>
    call(t.app, 'POST', '/v1/transfers', { key, body: { fromShelterId: from, toShelterId: to, lines } });

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: {
        source: 'opening',
        lines: [
          { itemId: 'rice', quantity: 300 },
          { itemId: 'blanket', quantity: 50 },
        ],
      },
    });
  });

  it('records an excess on arrival as a positive discrepancy', async () => {
    const sent = await dispatch(world.logistics, [{ itemId: 'blanket', quantity: 10 }]);
    expect(sent.status).toBe(201);
    const received = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'blanket', quantity: 12 }] },
    });
    expect(received.status).toBe(200);
    expect(received.body.discrepancies).toEqual([
      { itemId: 'blanket', sent: 10, received: 12, difference: 2 },
    ]);
    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.balances.get('shelter-a#blanket')?.onHand).toBe(40);
    expect(audit.balances.get('shelter-b#blanket')?.onHand).toBe(12);
  });

  it('refuses a second receipt of the same transfer with 409', async () => {
    const sent = await dispatch(world.logistics, [{ itemId: 'rice', quantity: 5 }]);
    const body = { lines: [{ itemId: 'rice', quantity: 5 }] };
    const results = await Promise.all([
      call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, { key: world.logistics, body }),
      call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, { key: world.logistics, body }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    // The refusal says when the transfer was received, whichever request lost the race.
    const [received, refused] = results[0]?.status === 200 ? results : [...results].reverse();
    expect(refused?.body).toMatchObject({ transferId: sent.body.id, receivedAt: received?.body.receivedAt });
    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.balances.get('shelter-b#rice')?.onHand).toBe(5);
  });

  it('refuses to send more than is available, naming the item', async () => {
    const result = await dispatch(world.logistics, [{ itemId: 'rice', quantity: 10_000 }]);
    expect(result.status).toBe(409);
    expect((result.body.shortItems as Array<{ itemId: string }>)[0]?.itemId).toBe('rice');
  });

  it('refuses a transfer to the same shelter and receipt lines that do not match what was sent', async () => {
    expect(
      (await dispatch(world.logistics, [{ itemId: 'rice', quantity: 1 }], 'shelter-a', 'shelter-a')).status,
    ).toBe(400);
    const sent = await dispatch(world.logistics, [{ itemId: 'rice', quantity: 1 }]);
    const wrong = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'water', quantity: 1 }] },
    });
    expect(wrong.status).toBe(400);
    expect(isProblem(wrong)).toBe(true);
  });

  it('lets only the sending shelter dispatch and only the receiving shelter receive', async () => {
    const intoA = await dispatch(
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
      world.logisticsA,
      [{ itemId: 'rice', quantity: 1 }],
      'shelter-b',
      'shelter-a',
    );
    expect(fromB.status).toBe(403);
    expect((await dispatch(world.coordinator, [{ itemId: 'rice', quantity: 1 }])).status).toBe(403);
  });

  it('lists what is in transit to a shelter and what it sent, and drops a transfer from in transit once received', async () => {
    const sent = await dispatch(world.logistics, [{ itemId: 'rice', quantity: 3 }]);
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
    expect(
      (await call(t.app, 'GET', '/v1/transfers?shelterId=shelter-b', { key: world.logisticsA })).status,
    ).toBe(403);
    expect(
      (await call(t.app, 'GET', '/v1/transfers?shelterId=shelter-a', { key: world.coordinator })).status,
    ).toBe(403);
  });

  it('answers 404 for an unknown transfer', async () => {
    const result = await call(t.app, 'POST', '/v1/transfers/tr-nope/receive', {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 1 }] },
    });
    expect(result.status).toBe(404);
  });
});
