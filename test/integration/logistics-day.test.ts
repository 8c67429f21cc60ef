import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { httpClient, serveOverHttp } from '../support/http-server.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Balance = {
  shelterId: string;
  itemId: string;
  onHand: number;
  reserved: number;
  available: number;
  daysOfCover: number | null;
};

describe("a logistics lead's day, over HTTP", () => {
  let t: TestApp;
  let world: World;
  let server: Awaited<ReturnType<typeof serveOverHttp>>;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    server = await serveOverHttp(t.deps);
    http = httpClient(server.baseUrl);
  });
  afterAll(() => server.close());

  it('receives, transfers with a discrepancy, counts, and every number adds up', async () => {
    const key = world.logistics;
    const once = async (path: string, body: unknown, idempotencyKey: string, expected: number) => {
      const first = await http('POST', path, key, body, { 'idempotency-key': idempotencyKey });
      expect(first.status, first.text).toBe(expected);
      // A retry of the same request (lost response on a bad network) changes nothing and answers the same.
      const retry = await http('POST', path, key, body, { 'idempotency-key': idempotencyKey });
      expect(retry.status).toBe(expected);
      expect(retry.text).toBe(first.text);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      return first.body;
    };

    await once(
      '/v1/shelters/shelter-a/receipts',
      {
        source: 'WFP Cambodia',
        lines: [
          { itemId: 'rice', quantity: 2000 },
          { itemId: 'water', quantity: 6000 },
          { itemId: 'blanket', quantity: 500 },
        ],
      },
      'receipt-0001',
      201,
    );
    const transfer = await once(
      '/v1/transfers',
      { fromShelterId: 'shelter-a', toShelterId: 'shelter-b', lines: [{ itemId: 'rice', quantity: 500 }] },
      'transfer-0001',
      201,
    );
    expect(transfer.status).toBe('in_transit');
    const received = await once(
      `/v1/transfers/${transfer.id}/receive`,
      { lines: [{ itemId: 'rice', quantity: 480, reason: 'damaged' }] },
      'transfer-0001-receive',
      200,
    );
    expect(received.status).toBe('received');
    expect(received.discrepancies).toEqual([
      { itemId: 'rice', sent: 500, received: 480, difference: -20, reason: 'damaged' },
    ]);

    const count = await once(
      '/v1/shelters/shelter-a/counts',
      { lines: [{ itemId: 'rice', counted: 1490 }] },
      'count-0001',
      201,
    );
    expect(count.type).toBe('adjustment');
    expect(count.reason).toBe('count');
    expect(count.lines).toEqual([{ itemId: 'rice', quantity: -10, balanceAfter: 1490, counted: 1490 }]);

    const stock = await http('GET', '/v1/stock', key);
    const rows = (stock.body.items as Balance[]).map(
      ({ shelterId, itemId, onHand, reserved, available, daysOfCover }) => ({
        shelterId,
        itemId,
        onHand,
        reserved,
        available,
        daysOfCover,
      }),
    );
    // Shelter A has 400 people: rice 1490 / (400 × 0.5) = 7.4 days; water 6000 / (400 × 15) = 1 day.
    expect(rows).toEqual([
      {
        shelterId: 'shelter-a',
        itemId: 'blanket',
        onHand: 500,
        reserved: 0,
        available: 500,
        daysOfCover: null,
      },
      {
        shelterId: 'shelter-a',
        itemId: 'rice',
        onHand: 1490,
        reserved: 0,
        available: 1490,
        daysOfCover: 7.4,
      },
      { shelterId: 'shelter-a', itemId: 'water', onHand: 6000, reserved: 0, available: 6000, daysOfCover: 1 },
      { shelterId: 'shelter-b', itemId: 'rice', onHand: 480, reserved: 0, available: 480, daysOfCover: 8 },
    ]);

    const ledgerA = await http('GET', '/v1/shelters/shelter-a/movements', key);
    expect((ledgerA.body.items as Array<{ type: string }>).map((m) => m.type)).toEqual([
      'receipt',
      'transfer_out',
      'adjustment',
    ]);

    const audit = await auditLedger(t.table, ['shelter-a', 'shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.negatives).toEqual([]);
    expect(Object.fromEntries(audit.ledgerSums)).toEqual({
      'shelter-a#rice': 1490,
      'shelter-a#water': 6000,
      'shelter-a#blanket': 500,
      'shelter-b#rice': 480,
    });
  });
});
