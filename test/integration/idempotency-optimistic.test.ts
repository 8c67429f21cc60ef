import { beforeAll, describe, expect, it } from 'vitest';
import { requestFingerprint } from '../../shared/domain/idempotency.js';
import { type CallResult, call } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { readLedger } from '../support/table-reads.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/**
 * Redemptions, stock movements and voucher issue and void hold their Idempotency-Key
 * optimistically: no claim is written before the change; the change's own transaction writes
 * the record if the key is free, and a request whose change did not commit answers with the
 * committed record. These tests send duplicates at once, against DynamoDB Local.
 */
describe('Idempotency-Key recorded in the change’s own transaction', () => {
  let t: TestApp;
  let world: VoucherWorld;
  const COPIES = 12;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
  });

  /** The DynamoDB commands the app sends while `act` runs, by name, in order. */
  async function commandsDuring(act: () => Promise<unknown>): Promise<string[]> {
    const doc = t.table.doc;
    const send = doc.send.bind(doc);
    const names: string[] = [];
    doc.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      names.push(command.constructor.name);
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;
    try {
      await act();
    } finally {
      doc.send = send;
    }
    return names;
  }

  /** Every answer is the committed one, byte for byte, or 409 while it had not committed. */
  function expectOneAnswer(results: CallResult[], status: number) {
    const answered = results.filter((r) => r.status === status);
    const inFlight = results.filter((r) => r.status !== status);
    for (const r of inFlight)
      expect(r.body.type, r.text).toBe('urn:supplyline:problem:idempotency-in-flight');
    expect(answered.length).toBeGreaterThan(0);
    expect(new Set(answered.map((r) => r.text)).size).toBe(1);
    // Exactly one answer is the request that ran; every other one says it is a replay.
    expect(answered.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    return answered[0] as CallResult;
  }

  it('writes no claim before a redemption: reads, then one transaction', async () => {
    const voucher = await issue(t, world.coordinator);
    const commands = await commandsDuring(() =>
      call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteer,
        body: { code: voucher.code, pickupPointId: 'pp-a1' },
        headers: { 'idempotency-key': `no-claim-${voucher.id}` },
      }),
    );
    expect(commands.filter((name) => !/^(Get|BatchGet|Query)Command$/.test(name))).toEqual([
      'TransactWriteCommand',
    ]);
  });

  it('redeems once under 12 identical requests at once; the others replay its answer', async () => {
    const voucher = await issue(t, world.coordinator);
    const send = () =>
      call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteer,
        body: { code: voucher.code, pickupPointId: 'pp-a1' },
        headers: { 'idempotency-key': `redeem-dup-${voucher.id}` },
      });
    const results = await Promise.all(Array.from({ length: COPIES }, send));

    const first = expectOneAnswer(results, 200);
    const entries = (await readLedger(t.table, 'shelter-a')).filter((m) => m.voucherId === voucher.id);
    expect(entries).toHaveLength(1);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);

    const later = await send();
    expect(later.status).toBe(200);
    expect(later.text).toBe(first.text);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 422 to the same key with another voucher, and leaves that voucher issued', async () => {
    const [first, second] = [await issue(t, world.coordinator), await issue(t, world.coordinator)];
    const key = `redeem-reused-${first.id}`;
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code: first.code, pickupPointId: 'pp-a1' },
      headers: { 'idempotency-key': key },
    });
    expect(redeemed.status).toBe(200);

    const reused = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code: second.code, pickupPointId: 'pp-a1' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.type).toBe('urn:supplyline:problem:idempotency-key-reused');
    expect((await t.deps.stores.vouchers.get(second.id))?.status).toBe('issued');
  });

  it('books a receipt once under 12 identical requests at once', async () => {
    const before = (await auditLedger(t.table, ['shelter-b'])).balances.get('shelter-b#rice')?.onHand ?? 0;
    const results = await Promise.all(
      Array.from({ length: COPIES }, () =>
        call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
          key: world.logistics,
          body: { source: 'optimistic duplicates', lines: [{ itemId: 'rice', quantity: 7 }] },
          headers: { 'idempotency-key': 'receipt-dup-1' },
        }),
      ),
    );

    const first = expectOneAnswer(results, 201);
    const audit = await auditLedger(t.table, ['shelter-b']);
    expect(audit.mismatches).toEqual([]);
    expect(audit.balances.get('shelter-b#rice')?.onHand).toBe(before + 7);
    const booked = (await readLedger(t.table, 'shelter-b')).filter(
      (m) => m.source === 'optimistic duplicates',
    );
    expect(booked.map((m) => m.sk)).toEqual([`MOVE#${first.body.id}`]);
  });

  it('commits one of two different receipts sent at once under one key, and refuses the other with 422', async () => {
    const before = (await auditLedger(t.table, ['shelter-b'])).balances.get('shelter-b#water')?.onHand ?? 0;
    const send = (quantity: number) =>
      call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
        key: world.logistics,
        body: { source: 'one key, two bodies', lines: [{ itemId: 'water', quantity }] },
        headers: { 'idempotency-key': 'receipt-two-bodies' },
      });
    const results = await Promise.all(
      Array.from({ length: COPIES }, (_, i) => send(i % 2 === 0 ? 10 : 1000)),
    );

    const committed = results.filter((r) => r.status === 201);
    expect(new Set(committed.map((r) => r.text)).size).toBe(1);
    const lines = (committed[0]?.body.lines ?? []) as Array<{ quantity: number }>;
    const quantity = lines[0]?.quantity;
    for (const r of results.filter((r) => r.status !== 201)) {
      expect([409, 422], r.text).toContain(r.status);
    }
    // Every copy of the body that lost is refused as a reuse of the key, never applied.
    const losing = results.filter((_, i) => (i % 2 === 0 ? 10 : 1000) !== quantity);
    for (const r of losing) expect(r.status, r.text).not.toBe(201);
    const audit = await auditLedger(t.table, ['shelter-b']);
    expect(audit.balances.get('shelter-b#water')?.onHand).toBe(before + (quantity ?? Number.NaN));
    expect(
      (await readLedger(t.table, 'shelter-b')).filter((m) => m.source === 'one key, two bodies'),
    ).toHaveLength(1);
  });

  it('issues one voucher under 8 identical requests at once', async () => {
    const body = {
      shelterId: 'shelter-a',
      beneficiaryRef: 'HH-OPTIMISTIC-1',
      householdSize: 2,
      lines: [{ itemId: 'rice', quantity: 1 }],
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(t.app, 'POST', '/v1/vouchers', {
          key: world.coordinator,
          body,
          headers: { 'idempotency-key': 'issue-dup-1' },
        }),
      ),
    );

    const first = expectOneAnswer(results, 201);
    const mine = await t.deps.stores.vouchers.listByOrg('org-a', {}, new Date(), 200);
    const issuedByTest = mine.items.filter(
      (v) => v.lines.length === 1 && v.lines[0]?.itemId === 'rice' && v.lines[0]?.quantity === 1,
    );
    expect(issuedByTest.map((v) => v.id)).toEqual([first.body.id]);
    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
  });

  it('voids once under 8 identical requests at once', async () => {
    const voucher = await issue(t, world.coordinator);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, {
          key: world.coordinator,
          body: { reason: 'duplicate' },
          headers: { 'idempotency-key': `void-dup-${voucher.id}` },
        }),
      ),
    );

    expectOneAnswer(results, 200);
    expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('void');
  });

  it('takes over a key whose claim was left by a request that died (its lock ran out)', async () => {
    const body = { source: 'after a dead claim', lines: [{ itemId: 'blanket', quantity: 3 }] };
    const path = '/v1/shelters/shelter-b/receipts';
    const keyId = world.logistics.split('_')[1] ?? '';
    const minuteAgo = new Date(Date.now() - 60_000);
    const held = await t.deps.stores.idempotency.claim(
      keyId,
      'dead-claim',
      requestFingerprint('POST', path, JSON.stringify(body)),
      minuteAgo,
    );
    expect(held.kind).toBe('claimed');

    const send = () =>
      call(t.app, 'POST', path, { key: world.logistics, body, headers: { 'idempotency-key': 'dead-claim' } });
    const taken = await send();
    expect(taken.status, taken.text).toBe(201);
    const replayed = await send();
    expect(replayed.text).toBe(taken.text);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect((await readLedger(t.table, 'shelter-b')).filter((m) => m.source === body.source)).toHaveLength(1);
  });
});
