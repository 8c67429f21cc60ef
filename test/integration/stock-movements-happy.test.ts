import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { onHandOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

type Line = { itemId: string; quantity: number; balanceAfter: number };

describe('receipts, adjustments and counts: happy path', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    ({ t, world } = await appWith(buildWorld));
  });

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
    expect(await onHandOf(t, 'shelter-a', 'blanket')).toBe(37);
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
});
