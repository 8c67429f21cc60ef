import { beforeAll, describe, expect, it } from 'vitest';
import { runBounded } from '../../shared/domain/run-bounded.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallResult, call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const IN_FLIGHT = 12;

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
    type Kind = 'receipt' | 'adjustment' | 'transfer' | 'count';
    const operations: Array<{ kind: Kind; run: () => Promise<CallResult> }> = [];
    for (let i = 0; i < 12; i++) {
      operations.push({
        kind: 'receipt',
        run: () =>
          call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
            key,
            body: { source: `truck ${i}`, lines: [{ itemId: 'rice', quantity: 10 + i }] },
          }),
      });
      // Large enough that some must be refused once others have drained the stock.
      operations.push({
        kind: 'adjustment',
        run: () =>
          call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
            key,
            body: { reason: 'damaged', lines: [{ itemId: 'rice', quantity: -(25 + i) }] },
          }),
      });
      operations.push({
        kind: 'transfer',
        run: () =>
          call(t.app, 'POST', '/v1/transfers', {
            key,
            body: {
              fromShelterId: 'shelter-a',
              toShelterId: 'shelter-b',
              lines: [{ itemId: 'rice', quantity: 15 }],
            },
          }),
      });
    }
    for (let i = 0; i < 4; i++) {
      operations.push({
        kind: 'count',
        run: () =>
          call(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
            key,
            body: { lines: [{ itemId: 'rice', counted: 40 + i }] },
          }),
      });
    }
    // Shuffle so the kinds interleave differently on each run. Twelve in flight at once all touch
    // the same balance: enough to race on every write. All forty at once made each of them retry
    // behind the others on the one DynamoDB Local every test file shares; with a heavy file in
    // the other worker, single requests then waited over 3 s and the run passed 60 s in CI.
    operations.sort(() => Math.random() - 0.5);
    const results = await runBounded(operations, IN_FLIGHT, async ({ kind, run }) => ({
      kind,
      ...(await run()),
    }));

    // Receipts and counts can never be refused (one adds, the other states what is there); an
    // outflow may be refused, but only for short stock. How many outflows pass depends on the
    // shuffled order, so it is not asserted.
    const answers = results.map((r) => `${r.kind} ${r.status} ${String(r.body.type ?? '')}`);
    for (const result of results) {
      if (result.kind === 'receipt' || result.kind === 'count')
        expect(result.status, answers.join('\n')).toBe(201);
      else if (result.status !== 201) {
        expect(result.body.type, answers.join('\n')).toBe('urn:supplyline:problem:insufficient-stock');
      }
    }

    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);
    expect(audit.balances.get('shelter-a#rice')?.onHand).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
