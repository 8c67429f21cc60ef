import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';

type Movement = {
  id: string;
  type: string;
  source?: string;
  sourceType?: string;
  reference?: string;
  lines: Array<Record<string, unknown>>;
};

/** buildWorld's, with pack sizes: water in cases of 12 x 1.5 L, blankets in bales of 20. */
async function buildPackWorld(t: TestApp): Promise<World> {
  const world = await buildWorld(t);
  for (const [itemId, packSizes] of [
    ['water', [{ name: 'case', units: 18 }]],
    [
      'blanket',
      [
        { name: 'bale', units: 20 },
        { name: 'carton', units: 5 },
      ],
    ],
  ] as const) {
    const result = await call(t.app, 'PATCH', `/v1/items/${itemId}`, {
      key: world.admin,
      body: { packSizes },
    });
    if (result.status !== 200) throw new Error(`${itemId}: ${result.text}`);
  }
  return world;
}

describe('receipts from donors and purchases, counted in packs: happy path', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildPackWorld));
  });

  it('enters packs as units of the item, and keeps how they were counted on the ledger line', async () => {
    const receipt = await call<Movement>(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: {
        source: 'UNICEF Cambodia',
        sourceType: 'donor',
        reference: 'WB-2026-0042',
        lines: [
          { itemId: 'water', packs: 3, pack: 'case' },
          { itemId: 'blanket', packs: 2, pack: 'Bale' },
          { itemId: 'rice', quantity: 250 },
        ],
      },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({
      type: 'receipt',
      source: 'UNICEF Cambodia',
      sourceType: 'donor',
      reference: 'WB-2026-0042',
    });
    expect(receipt.body.lines).toEqual([
      { itemId: 'water', quantity: 54, balanceAfter: 54, packs: 3, pack: 'case', unitsPerPack: 18 },
      { itemId: 'blanket', quantity: 40, balanceAfter: 40, packs: 2, pack: 'bale', unitsPerPack: 20 },
      { itemId: 'rice', quantity: 250, balanceAfter: 250 },
    ]);
    expect(await onHandOf(t, 'shelter-a', 'water')).toBe(54);
    expect(await onHandOf(t, 'shelter-a', 'blanket')).toBe(40);
  });

  it('reads a receipt back by its id to print it again, as it was counted even after the pack size changes', async () => {
    const receipt = await call<Movement>(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: {
        source: 'Phnom Penh market',
        sourceType: 'purchase',
        lines: [{ itemId: 'water', packs: 1, pack: 'case' }],
      },
    });
    await call(t.app, 'PATCH', '/v1/items/water', {
      key: world.logistics,
      body: { packSizes: [{ name: 'case', units: 9 }] },
    });

    const again = await call<Movement>(t.app, 'GET', `/v1/shelters/shelter-a/movements/${receipt.body.id}`, {
      key: world.logisticsA,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(receipt.body);
    expect(again.body.lines[0]).toMatchObject({ quantity: 18, packs: 1, unitsPerPack: 18 });
  });

  it('still takes the receipt partners already send: a source and quantities', async () => {
    const receipt = await call<Movement>(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      body: { source: 'WFP Cambodia', reference: 'DN-7', lines: [{ itemId: 'rice', quantity: 100 }] },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).not.toHaveProperty('sourceType');
    expect(receipt.body.lines).toEqual([{ itemId: 'rice', quantity: 100, balanceAfter: 350 }]);
  });

  it('books a receipt sent twice with one Idempotency-Key once, and answers the second as the first', async () => {
    const before = await onHandOf(t, 'shelter-a', 'blanket');
    const request = {
      key: world.logistics,
      headers: { 'idempotency-key': 'truck-0042' },
      body: { source: 'IOM', sourceType: 'donor', lines: [{ itemId: 'blanket', packs: 4, pack: 'carton' }] },
    };
    const [first, second] = await Promise.all([
      call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', request),
      call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', request),
    ]);
    expect([first?.status, second?.status]).toEqual([201, 201]);
    expect(second?.text).toBe(first?.text);
    expect(await onHandOf(t, 'shelter-a', 'blanket')).toBe(before + 20);
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.mismatches).toEqual([]);
  });
});

describe('receipts counted in packs: errors', () => {
  let t: TestApp;
  let world: World;
  const receive = (lines: unknown, key = world.logistics) =>
    call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', { key, body: { source: 'Donor', lines } });

  beforeAll(async () => {
    ({ t, world } = await appWith(buildPackWorld));
  });

  it('names the packs an item comes in when a line names another, and books nothing', async () => {
    const result = await receive([
      { itemId: 'rice', quantity: 10 },
      { itemId: 'blanket', packs: 2, pack: 'pallet' },
      { itemId: 'water', packs: 1, pack: 'case' },
    ]);
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    expect(result.body.errors).toEqual([
      {
        field: 'body.lines.1.pack',
        message: 'blanket comes in "bale", "carton": name one of those, or send quantity',
      },
    ]);
    expect(await onHandOf(t, 'shelter-a', 'rice')).toBe(0);
  });

  it('says an item has no pack sizes yet', async () => {
    const result = await receive([{ itemId: 'rice', packs: 2, pack: 'sack' }]);
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        field: 'body.lines.0.pack',
        message: 'rice has no pack sizes: send quantity, or add its pack sizes first',
      },
    ]);
  });

  it('takes a quantity or packs of a pack, not both, not neither, not part of a pack', async () => {
    for (const [line, field, message] of [
      [{ itemId: 'water', quantity: 18, packs: 1, pack: 'case' }, 'body.lines.0.quantity', 'not both'],
      [{ itemId: 'water' }, 'body.lines.0.quantity', 'send quantity, or packs and pack'],
      [{ itemId: 'water', packs: 2 }, 'body.lines.0.pack', 'name the pack'],
      [{ itemId: 'water', packs: 1.5, pack: 'case' }, 'body.lines.0.packs', 'a whole number of packs'],
    ] as const) {
      const result = await receive([line]);
      expect(result.status, JSON.stringify(line)).toBe(400);
      expect(result.body.errors, JSON.stringify(line)).toEqual([
        { field, message: expect.stringContaining(message) },
      ]);
    }
  });

  it('answers 404 for a ledger entry that is not the shelter’s, and 400 for an id that cannot be one', async () => {
    const receipt = await receive([{ itemId: 'rice', quantity: 1 }]);
    const elsewhere = await call(t.app, 'GET', `/v1/shelters/shelter-b/movements/${receipt.body.id}`, {
      key: world.logistics,
    });
    expect(elsewhere.status).toBe(404);
    const malformed = await call(t.app, 'GET', '/v1/shelters/shelter-a/movements/not-an-id', {
      key: world.logistics,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { field: 'path.movementId', message: expect.stringContaining('ULID') },
    ]);
  });

  it('shows a ledger entry only to keys of its shelter', async () => {
    const receipt = await receive([{ itemId: 'rice', quantity: 1 }]);
    const path = `/v1/shelters/shelter-a/movements/${receipt.body.id}`;
    const logisticsB = await t.createKey('logistics', 'org-a', { shelterIds: ['shelter-b'] });
    expect((await call(t.app, 'GET', path, { key: logisticsB })).status).toBe(403);
    expect((await call(t.app, 'GET', path, { key: world.coordinator })).status).toBe(403);
    expect((await call(t.app, 'GET', path, { key: world.admin })).status).toBe(200);
  });
});
