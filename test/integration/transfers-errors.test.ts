import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildTransferWorld, dispatch } from '../support/transfer-fixtures.js';

describe('transfers between shelters: errors', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildTransferWorld));
  });

  it('refuses a second receipt of the same transfer with 409', async () => {
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 5 }]);
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
    const result = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 10_000 }]);
    expect(result.status).toBe(409);
    expect((result.body.shortItems as Array<{ itemId: string }>)[0]?.itemId).toBe('rice');
  });

  it('refuses a transfer to the same shelter and receipt lines that do not match what was sent', async () => {
    expect(
      (await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 1 }], 'shelter-a', 'shelter-a'))
        .status,
    ).toBe(400);
    const sent = await dispatch(t, world.logistics, [{ itemId: 'rice', quantity: 1 }]);
    const wrong = await call(t.app, 'POST', `/v1/transfers/${sent.body.id}/receive`, {
      key: world.logistics,
      body: { lines: [{ itemId: 'water', quantity: 1 }] },
    });
    expect(wrong.status).toBe(400);
    expect(isProblem(wrong)).toBe(true);
  });

  it('answers 404 for an unknown transfer', async () => {
    const result = await call(t.app, 'POST', '/v1/transfers/tr-nope/receive', {
      key: world.logistics,
      body: { lines: [{ itemId: 'rice', quantity: 1 }] },
    });
    expect(result.status).toBe(404);
  });
});
