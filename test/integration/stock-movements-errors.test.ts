import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { stockShelter } from '../support/voucher-fixtures.js';

describe('receipts, adjustments and counts: errors', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
    // What the refusals below measure against: 37 blankets, and water to spare.
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'water', quantity: 1190.25 },
      { itemId: 'blanket', quantity: 37 },
    ]);
  });

  it('refuses an adjustment below zero with 409 naming the short items, applying nothing', async () => {
    const before = await onHandOf(t, 'shelter-a', 'water');
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
      key: world.logistics,
      body: {
        reason: 'lost',
        lines: [
          { itemId: 'water', quantity: -1 },
          { itemId: 'blanket', quantity: -38 },
        ],
      },
    });
    expect(result.status).toBe(409);
    expect(isProblem(result)).toBe(true);
    expect(result.body.type).toBe('urn:supplyline:problem:insufficient-stock');
    expect(result.body.shortItems).toEqual([{ itemId: 'blanket', requested: 38, onHand: 37, available: 37 }]);
    expect(await onHandOf(t, 'shelter-a', 'water')).toBe(before);
  });

  it('refuses fractional pieces, unknown items, zero or negative receipts and duplicate lines', async () => {
    const cases: Array<[unknown, string]> = [
      [{ source: 's', lines: [{ itemId: 'blanket', quantity: 1.5 }] }, 'body.lines.0.quantity'],
      [{ source: 's', lines: [{ itemId: 'caviar', quantity: 1 }] }, 'body.lines.0.itemId'],
      [{ source: 's', lines: [{ itemId: 'rice', quantity: 0 }] }, 'body.lines.0.quantity'],
      [{ source: 's', lines: [{ itemId: 'rice', quantity: -5 }] }, 'body.lines.0.quantity'],
      [{ source: 's', lines: [{ itemId: 'rice', quantity: 1.0001 }] }, 'body.lines.0.quantity'],
      [
        {
          source: 's',
          lines: [
            { itemId: 'rice', quantity: 1 },
            { itemId: 'rice', quantity: 2 },
          ],
        },
        'body.lines',
      ],
      [{ lines: [{ itemId: 'rice', quantity: 1 }] }, 'body.source'],
      [{ source: 's', lines: [] }, 'body.lines'],
    ];
    for (const [body, field] of cases) {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
        key: world.logistics,
        body,
      });
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(isProblem(result)).toBe(true);
      expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    }
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.balances.has('shelter-a#caviar')).toBe(false);
  });

  it('refuses an unknown adjustment reason and a zero adjustment', async () => {
    for (const body of [
      { reason: 'stolen', lines: [{ itemId: 'rice', quantity: -1 }] },
      { reason: 'other', lines: [{ itemId: 'rice', quantity: 0 }] },
    ]) {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
        key: world.logistics,
        body,
      });
      expect(result.status).toBe(400);
    }
  });

  it('answers 404 for an unknown shelter', async () => {
    const result = await call(t.app, 'POST', '/v1/shelters/nowhere/receipts', {
      key: world.logistics,
      body: { source: 's', lines: [{ itemId: 'rice', quantity: 1 }] },
    });
    expect(result.status).toBe(404);
  });
});
