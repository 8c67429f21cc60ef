import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('stock under concurrent changes', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: { source: 'opening', lines: [{ itemId: 'rice', quantity: 100 }] },
    });
  });

  it('keeps onHand equal to the ledger sum, and never negative, under parallel receipts, adjustments, counts and transfers', async () => {
    const key = world.logistics;
    const operations: Array<() => Promise<{ status: number }>> = [];
    for (let i = 0; i < 12; i++) {
      operations.push(() =>
        call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
          key,
          body: { source: `truck ${i}`, lines: [{ itemId: 'rice', quantity: 10 + i }] },
        }),
      );
      // Large enough that some must be refused once others have drained the stock.
      operations.push(() =>
        call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
          key,
          body: { reason: 'damaged', lines: [{ itemId: 'rice', quantity: -(25 + i) }] },
        }),
      );
      operations.push(() =>
        call(t.app, 'POST', '/v1/transfers', {
          key,
          body: {
            fromShelterId: 'shelter-a',
            toShelterId: 'shelter-b',
            lines: [{ itemId: 'rice', quantity: 15 }],
          },
        }),
      );
    }
    for (let i = 0; i < 4; i++) {
      operations.push(() =>
        call(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
          key,
          body: { lines: [{ itemId: 'rice', counted: 40 + i }] },
        }),
      );
    }
    // Shuffle so the kinds interleave differently on each run.
    operations.sort(() => Math.random() - 0.5);
    const results = await Promise.all(operations.map((run) => run()));

    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(operations.length / 2);

    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);
    expect(audit.balances.get('shelter-a#rice')?.onHand).toBeGreaterThanOrEqual(0);
  });
});
