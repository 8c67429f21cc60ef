import { beforeAll, describe, expect, it } from 'vitest';
import { type DomainEvent, domainEventSchema } from '../../shared/events/event-schemas.js';
import { eventsFromChange } from '../../shared/events/events-from-change.js';
import type { TableChange } from '../../shared/events/table-change.js';
import { memoryCheckpoints } from '../../shared/store/stream-checkpoints.js';
import { createStreamsClient, latestStreamArn } from '../../shared/store/stream-client.js';
import { createStreamReader, type StreamReaderOptions } from '../../shared/store/stream-reader.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { readRecord } from '../support/table-reads.js';
import { createTestApp, freshTable, localClient, type TestApp } from '../support/test-app.js';
import { issue, stockShelter } from '../support/voucher-fixtures.js';

type VoucherEvent = Extract<DomainEvent, { type: `voucher.${string}` }>;
type StockEvent = Extract<DomainEvent, { type: 'stock.low' | 'stock.out' }>;
const isVoucherEvent = (event: DomainEvent): event is VoucherEvent => event.type.startsWith('voucher.');
const isStockEvent = (event: DomainEvent): event is StockEvent => event.type.startsWith('stock.');

describe('events from the table stream', () => {
  let t: TestApp;
  let world: World;
  let streamArn: string;
  let endpoint: string;

  /** A reader of this table's stream; fresh checkpoints (the oldest record on) unless given. */
  const readerOf = (options: Pick<StreamReaderOptions, 'handle'> & Partial<StreamReaderOptions>) =>
    createStreamReader({
      client: createStreamsClient({ endpoint, region: 'local' }),
      streamArn,
      checkpoints: memoryCheckpoints(),
      retryDelayMs: () => 1,
      ...options,
    });

  /** Reads the whole stream from its oldest record. */
  async function readStream(): Promise<TableChange[]> {
    const changes: TableChange[] = [];
    await readerOf({ handle: async (batch) => void changes.push(...batch) }).readAvailable();
    return changes;
  }

  const post = async (path: string, key: string, body: unknown, idempotencyKey: string, expected: number) => {
    const result = await call(t.app, 'POST', path, {
      key,
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
    expect(result.status, result.text).toBe(expected);
    return result.body;
  };

  beforeAll(async () => {
    const table = await freshTable();
    endpoint = table.endpoint;
    t = await createTestApp({ table });
    world = await buildWorld(t);
    streamArn = await latestStreamArn(localClient(endpoint), table.tableName);
  });

  describe('a voucher and a transfer, told by the records the stores wrote', () => {
    let events: DomainEvent[];
    const ids = { a: '', b: '', c: '', transfer: '' };

    beforeAll(async () => {
      await stockShelter(t, world.logistics, 'shelter-a', [
        { itemId: 'rice', quantity: 100 },
        { itemId: 'water', quantity: 1000 },
        { itemId: 'blanket', quantity: 3 },
      ]);
      const threshold = await call(t.app, 'PUT', '/v1/shelters/shelter-a/stock/rice/threshold', {
        key: world.logistics,
        body: { lowStockThreshold: 90 },
      });
      expect(threshold.status).toBe(200);
      // rice available 100 -> 95, blanket 3 -> 2: nothing crossed.
      const a = await issue(t, world.coordinator);
      // rice 95 -> 87: through the threshold of 90.
      const b = await issue(t, world.coordinator, {
        beneficiaryRef: 'HH-STREAM-B',
        lines: [
          { itemId: 'rice', quantity: 8 },
          { itemId: 'blanket', quantity: 1 },
        ],
      });
      // blanket 1 -> 0: out. Valid for a minute, so that a sweep a little later expires it.
      const c = await issue(t, world.coordinator, {
        beneficiaryRef: 'HH-STREAM-C',
        lines: [{ itemId: 'blanket', quantity: 1 }],
        validUntil: new Date(Date.now() + 60_000).toISOString(),
      });
      Object.assign(ids, { a: a.id, b: b.id, c: c.id });
      await post(
        '/v1/redemptions',
        world.volunteer,
        { token: a.token, pickupPointId: 'pp-a1' },
        'redeem-a',
        200,
      );
      await post(
        `/v1/vouchers/${b.id}/void`,
        world.coordinator,
        { reason: 'moved to Kandal' },
        'void-b',
        200,
      );
      const later = () => new Date(Date.now() + 120_000);
      const swept = await sweepExpiredVouchers({}, undefined, {
        stores: t.deps.stores,
        now: later,
        logger: t.deps.logger,
      });
      expect(swept.expired).toBe(1);
      // rice available back at 95 after the void; 95 -> 85 falls through 90 a second time.
      const transfer = await post(
        '/v1/transfers',
        world.logistics,
        { fromShelterId: 'shelter-a', toShelterId: 'shelter-b', lines: [{ itemId: 'rice', quantity: 10 }] },
        'transfer-1',
        201,
      );
      ids.transfer = String(transfer.id);
      await post(
        `/v1/transfers/${ids.transfer}/receive`,
        world.logistics,
        { lines: [{ itemId: 'rice', quantity: 8, reason: 'lost' }] },
        'receive-1',
        200,
      );
      events = (await readStream()).flatMap((change) => eventsFromChange(change));
    });

    it('tells each voucher state change once, in order, for the issuing organisation', () => {
      const voucherEvents = events.filter(isVoucherEvent);
      expect(voucherEvents.map((event) => [event.type, event.data.voucherId])).toEqual([
        ['voucher.issued', ids.a],
        ['voucher.issued', ids.b],
        ['voucher.issued', ids.c],
        ['voucher.redeemed', ids.a],
        ['voucher.voided', ids.b],
        ['voucher.expired', ids.c],
      ]);
      for (const event of voucherEvents)
        expect(event).toMatchObject({ orgId: 'org-a', shelterId: 'shelter-a' });
      expect(voucherEvents[3]).toMatchObject({ data: { pickupPointId: 'pp-a1' } });
    });

    it('tells a balance falling through its threshold each time it does, and running out', () => {
      const stockEvents = events.filter(isStockEvent);
      expect(
        stockEvents.map((event) => [event.type, event.shelterId, event.data.itemId, event.data.available]),
      ).toEqual([
        ['stock.low', 'shelter-a', 'rice', 87],
        ['stock.out', 'shelter-a', 'blanket', 0],
        ['stock.low', 'shelter-a', 'rice', 85],
      ]);
    });

    it('tells a transfer dispatched and received with its discrepancy', () => {
      const transferEvents = events.filter((event) => event.type.startsWith('transfer.'));
      expect(transferEvents).toMatchObject([
        {
          type: 'transfer.dispatched',
          shelterId: 'shelter-a',
          data: { transferId: ids.transfer, toShelterId: 'shelter-b' },
        },
        {
          type: 'transfer.received',
          shelterId: 'shelter-b',
          data: {
            transferId: ids.transfer,
            discrepancies: [{ itemId: 'rice', sent: 10, received: 8, difference: -2, reason: 'lost' }],
          },
        },
      ]);
    });

    it('carries no beneficiary field, reference or pseudonym, and no void reason, in any event', async () => {
      const text = JSON.stringify(events);
      for (const event of events) expect(domainEventSchema.safeParse(event).success).toBe(true);
      for (const word of ['beneficiary', 'householdSize', 'HH-', 'moved to Kandal'])
        expect(text).not.toContain(word);
      for (const id of [ids.a, ids.b, ids.c]) {
        // The pseudonyms were written (and so streamed) beside each voucher: none of them got out.
        const beneficiary = await readRecord(t.table, `VOUCHER#${id}`, 'BENEFICIARY');
        expect(typeof beneficiary?.beneficiaryHash).toBe('string');
        expect(text).not.toContain(String(beneficiary?.beneficiaryHash));
      }
    });

    it('gives every event the same id when the stream is read again from the start', async () => {
      const again = (await readStream()).flatMap((change) => eventsFromChange(change));
      expect(again.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    });
  });

  describe('the stream reader', () => {
    it('hands over a redemption within seconds of it, after the voucher was issued', async () => {
      const seen: DomainEvent[] = [];
      const controller = new AbortController();
      const reader = readerOf({
        handle: async (batch) => void seen.push(...batch.flatMap((change) => eventsFromChange(change))),
      });
      const errors: unknown[] = [];
      const running = reader.run({
        signal: controller.signal,
        idleMs: 50,
        onError: (err) => errors.push(err),
      });
      try {
        const voucher = await issue(t, world.coordinator, { lines: [{ itemId: 'water', quantity: 3 }] });
        await post(
          '/v1/redemptions',
          world.volunteer,
          { token: voucher.token, pickupPointId: 'pp-a1' },
          `redeem-${voucher.id}`,
          200,
        );
        const redeemed = () =>
          seen.find((e) => e.type === 'voucher.redeemed' && e.data.voucherId === voucher.id);
        for (const deadline = Date.now() + 10_000; redeemed() === undefined && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(redeemed()).toBeDefined();
        const issuedAt = seen.findIndex(
          (e) => e.type === 'voucher.issued' && e.data.voucherId === voucher.id,
        );
        expect(issuedAt).toBeGreaterThanOrEqual(0);
        expect(issuedAt).toBeLessThan(seen.indexOf(redeemed() as DomainEvent));
        expect(errors).toEqual([]);
      } finally {
        controller.abort();
        await running;
      }
    });

    it('offers a failed batch again, the same records, and moves on only once it is handled', async () => {
      const offered: string[][] = [];
      const checkpoints = memoryCheckpoints();
      let failuresLeft = 2;
      const reader = readerOf({
        checkpoints,
        batchSize: 5,
        handle: async (batch) => {
          offered.push(batch.map((change) => change.changeId));
          if (failuresLeft-- > 0) throw new Error('receiver down');
        },
      });
      const handled = await reader.readAvailable();
      expect(offered[0]).toHaveLength(5);
      expect(offered[1]).toEqual(offered[0]);
      expect(offered[2]).toEqual(offered[0]);
      // Every record came once after the retries: none skipped, none twice once acknowledged.
      const delivered = offered.slice(2).flat();
      expect(delivered).toHaveLength(handled);
      expect(new Set(delivered).size).toBe(handled);
      expect(await reader.readAvailable()).toBe(0);
    });

    it('stops at a batch that keeps failing, keeps what came before it, and resumes there', async () => {
      const checkpoints = memoryCheckpoints();
      const first: string[] = [];
      let batches = 0;
      const failing = readerOf({
        checkpoints,
        batchSize: 5,
        attemptsPerBatch: 2,
        handle: async (batch) => {
          if (++batches > 1) throw new Error('receiver down');
          first.push(...batch.map((change) => change.changeId));
        },
      });
      await expect(failing.readAvailable()).rejects.toThrow(/offered again from the same checkpoint/);
      const rest: string[] = [];
      const recovered = readerOf({
        checkpoints,
        batchSize: 5,
        handle: async (batch) => void rest.push(...batch.map((change) => change.changeId)),
      });
      await recovered.readAvailable();
      const everything = (await readStream()).map((change) => change.changeId);
      expect([...first, ...rest]).toEqual(everything);
      expect(first).toHaveLength(5);
    });
  });
});
