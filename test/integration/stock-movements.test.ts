import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

type Line = { itemId: string; quantity: number; balanceAfter: number };

describe('receipts, adjustments and counts', () => {
  let t: TestApp;
  let world: World;

  const onHand = async (shelterId: string, itemId: string) =>
    (await t.deps.stores.stock.readBalances(shelterId, [itemId])).get(itemId)?.onHand ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  describe('happy path', () => {
    it('records a receipt as one ledger entry with the actor, organisation and balance after', async () => {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
        key: world.logistics,
        body: {
          source: 'UNICEF',
          reference: 'DN-7781',
          lines: [
            { itemId: 'water', quantity: 1200.5 },
            { itemId: 'blanket', quantity: 40 },
          ],
        },
      });
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        type: 'receipt',
        shelterId: 'shelter-a',
        source: 'UNICEF',
        reference: 'DN-7781',
        actorKeyId: world.logistics.split('_')[1],
        orgId: 'org-a',
      });
      expect((result.body.lines as Line[]).map((l) => l.balanceAfter)).toEqual([1200.5, 40]);
    });

    it('applies a signed adjustment with its reason and note', async () => {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
        key: world.logistics,
        body: { reason: 'damaged', note: 'roof leak', lines: [{ itemId: 'blanket', quantity: -3 }] },
      });
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({ type: 'adjustment', reason: 'damaged', note: 'roof leak' });
      expect(await onHand('shelter-a', 'blanket')).toBe(37);
    });

    it('turns a count into a count adjustment of the difference, keeping matching lines at 0', async () => {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/counts', {
        key: world.logistics,
        body: {
          lines: [
            { itemId: 'blanket', counted: 37 },
            { itemId: 'water', counted: 1190.25 },
          ],
        },
      });
      expect(result.status).toBe(201);
      expect(result.body.lines).toEqual([
        { itemId: 'blanket', quantity: 0, balanceAfter: 37, counted: 37 },
        { itemId: 'water', quantity: -10.25, balanceAfter: 1190.25, counted: 1190.25 },
      ]);
    });

    it('leaves the ledger summing to the balances', async () => {
      const audit = await auditLedger(t.table, ['shelter-a']);
      expect(audit.mismatches).toEqual([]);
    });
  });

  describe('a count below what vouchers reserved', () => {
    it('is recorded, and warns of the shortfall naming the newest vouchers it leaves unbacked', async () => {
      await stockShelter(t, world.logistics, 'shelter-b', [
        { itemId: 'rice', quantity: 3879 },
        { itemId: 'water', quantity: 100 },
      ]);
      const vouchers = [];
      for (const lines of [
        [{ itemId: 'rice', quantity: 5 }],
        [{ itemId: 'rice', quantity: 6 }],
        [{ itemId: 'rice', quantity: 8 }],
        [{ itemId: 'water', quantity: 10 }],
      ]) {
        vouchers.push(await issue(t, world.coordinator, { shelterId: 'shelter-b', lines }));
      }
      const [oldest, middle, newestRice] = vouchers;

      const count = await call(t.app, 'POST', '/v1/shelters/shelter-b/counts', {
        key: world.logistics,
        body: { lines: [{ itemId: 'rice', counted: 10 }] },
        headers: { 'idempotency-key': 'count-below-reserved' },
      });

      expect(count.status).toBe(201);
      expect(count.body.lines).toEqual([{ itemId: 'rice', quantity: -3869, balanceAfter: 10, counted: 10 }]);
      expect(count.body.warnings).toEqual([
        {
          itemId: 'rice',
          reserved: 19,
          counted: 10,
          shortfall: 9,
          unbackedVoucherIds: [newestRice?.id, middle?.id],
        },
      ]);
      expect(JSON.stringify(count.body.warnings)).not.toContain(oldest?.id ?? 'none');
      const stock = await call<{ items: Array<Record<string, unknown>> }>(
        t.app,
        'GET',
        '/v1/stock?shelterId=shelter-b&itemId=rice',
        { key: world.logistics },
      );
      expect(stock.body.items[0]).toMatchObject({
        onHand: 10,
        reserved: 19,
        available: -9,
        shortfall: 9,
        lowStock: true,
      });
      const replay = await call(t.app, 'POST', '/v1/shelters/shelter-b/counts', {
        key: world.logistics,
        body: { lines: [{ itemId: 'rice', counted: 10 }] },
        headers: { 'idempotency-key': 'count-below-reserved' },
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.text).toBe(count.text);
    });

    it('warns of nothing when the count covers what is reserved', async () => {
      const count = await call(t.app, 'POST', '/v1/shelters/shelter-b/counts', {
        key: world.logistics,
        body: { lines: [{ itemId: 'water', counted: 90 }] },
      });
      expect(count.status).toBe(201);
      expect(count.body.warnings).toEqual([]);
    });
  });

  describe('errors', () => {
    it('refuses an adjustment below zero with 409 naming the short items, applying nothing', async () => {
      const before = await onHand('shelter-a', 'water');
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
      expect(result.body.shortItems).toEqual([
        { itemId: 'blanket', requested: 38, onHand: 37, available: 37 },
      ]);
      expect(await onHand('shelter-a', 'water')).toBe(before);
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

  describe('access control', () => {
    const receipt = { source: 's', lines: [{ itemId: 'rice', quantity: 1 }] };

    it.each(['coordinator', 'volunteer', 'admin'] as const)(
      'forbids a %s key from moving stock',
      async (role) => {
        const before = await onHand('shelter-a', 'rice');
        for (const path of ['receipts', 'adjustments', 'counts']) {
          const body =
            path === 'counts' ? { lines: [{ itemId: 'rice', counted: 1 }] } : { reason: 'other', ...receipt };
          const result = await call(t.app, 'POST', `/v1/shelters/shelter-a/${path}`, {
            key: world[role],
            body,
          });
          expect(result.status).toBe(403);
          expect(isProblem(result)).toBe(true);
        }
        expect(await onHand('shelter-a', 'rice')).toBe(before);
      },
    );

    it('forbids a logistics key scoped to shelter A from touching shelter B', async () => {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
        key: world.logisticsA,
        body: receipt,
      });
      expect(result.status).toBe(403);
      const allowed = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
        key: world.logisticsA,
        body: receipt,
      });
      expect(allowed.status).toBe(201);
    });

    it('answers 401 without a key', async () => {
      const result = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', { body: receipt });
      expect(result.status).toBe(401);
    });
  });
});
