import { beforeAll, describe, expect, it } from 'vitest';
import { requestFingerprint } from '../../shared/domain/idempotency.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { call, isProblem } from '../support/http.js';
import { auditLedger } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('Idempotency-Key on stock changes', () => {
  let t: TestApp;
  let world: World;
  const receipt = { source: 'd', lines: [{ itemId: 'rice', quantity: 7 }] };
  const post = (key: string, idem: string, body: unknown = receipt) =>
    call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key,
      body,
      headers: { 'idempotency-key': idem },
    });

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
  });

  it('applies concurrent duplicates once and answers each identically or with 409 in flight', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => post(world.logistics, 'dup-1')));
    const ok = results.filter((r) => r.status === 201);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    const audit = await auditLedger(t.table, ['shelter-a']);
    expect(audit.balances.get('shelter-a#rice')?.onHand).toBe(7);
    const later = await post(world.logistics, 'dup-1');
    expect(later.text).toBe(ok[0]?.text);
  });

  it('answers 422 for the same key with a different body, and changes nothing', async () => {
    await post(world.logistics, 'dup-2');
    const other = await post(world.logistics, 'dup-2', {
      source: 'd',
      lines: [{ itemId: 'rice', quantity: 9 }],
    });
    expect(other.status).toBe(422);
    expect(isProblem(other)).toBe(true);
    expect(other.body.type).toBe('urn:supplyline:problem:idempotency-key-reused');
    expect((await auditLedger(t.table, ['shelter-a'])).balances.get('shelter-a#rice')?.onHand).toBe(14);
  });

  it('treats the same JSON written with other key order or spacing as the same request', async () => {
    const first = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      rawBody: '{"source":"d","lines":[{"itemId":"rice","quantity":1}]}',
      headers: { 'idempotency-key': 'dup-3' },
    });
    const second = await call(t.app, 'POST', '/v1/shelters/shelter-a/receipts', {
      key: world.logistics,
      rawBody: '{ "lines": [ { "quantity": 1, "itemId": "rice" } ], "source": "d" }',
      headers: { 'idempotency-key': 'dup-3' },
    });
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
  });

  it('scopes keys per API key: another key with the same Idempotency-Key is a new request', async () => {
    const mine = await post(world.logistics, 'shared-key');
    const theirs = await post(world.logisticsA, 'shared-key');
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('releases the key after a refused request, so a corrected retry can run', async () => {
    const tooMuch = { reason: 'lost', lines: [{ itemId: 'rice', quantity: -10_000 }] };
    const refused = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
      key: world.logistics,
      body: tooMuch,
      headers: { 'idempotency-key': 'retry-after-409' },
    });
    expect(refused.status).toBe(409);
    const again = await call(t.app, 'POST', '/v1/shelters/shelter-a/adjustments', {
      key: world.logistics,
      body: tooMuch,
      headers: { 'idempotency-key': 'retry-after-409' },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const keyId = world.logistics.split('_')[1] ?? '';
    // Another process holds the claim: it has started the same request and not finished it.
    const held = await t.deps.stores.idempotency.claim(
      keyId,
      'held-same',
      requestFingerprint('POST', '/v1/shelters/shelter-a/receipts', JSON.stringify(receipt)),
      new Date(),
    );
    expect(held.kind).toBe('claimed');
    const inFlight = await post(world.logistics, 'held-same');
    expect(inFlight.status).toBe(409);
    expect(inFlight.body.type).toBe('urn:supplyline:problem:idempotency-in-flight');
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const result = await post(world.logistics, 'x'.repeat(300));
    expect(result.status).toBe(400);
    expect((result.body.errors as Array<{ field: string }>)[0]?.field).toBe('header.Idempotency-Key');
  });

  it('refuses a receipt without an Idempotency-Key with 400, saying what to send, and books nothing', async () => {
    const before = await auditLedger(t.table, ['shelter-b']);
    const result = await call(t.app, 'POST', '/v1/shelters/shelter-b/receipts', {
      key: world.logistics,
      body: receipt,
      idempotencyKey: false,
    });
    expect(result.status).toBe(400);
    expect(isProblem(result)).toBe(true);
    expect(result.body.type).toBe('urn:supplyline:problem:idempotency-key-required');
    expect(result.body.detail).toContain('Idempotency-Key: ');
    const after = await auditLedger(t.table, ['shelter-b']);
    expect(after.ledgerSums).toEqual(before.ledgerSums);
    expect(after.balances.get('shelter-b#rice')?.onHand).toBe(before.balances.get('shelter-b#rice')?.onHand);
  });

  it('refuses every voucher and stock write without an Idempotency-Key, the redemption included', async () => {
    const writes = [
      ['/v1/shelters/shelter-a/adjustments', world.logistics],
      ['/v1/shelters/shelter-a/counts', world.logistics],
      ['/v1/transfers', world.logistics],
      ['/v1/vouchers', world.coordinator],
      ['/v1/vouchers/batch', world.coordinator],
      ['/v1/transfers/tr-none/receive', world.logistics],
      ['/v1/vouchers/01JZZZZZZZZZZZZZZZZZZZZZZZ/void', world.coordinator],
      ['/v1/redemptions', world.volunteer],
    ] as const;
    for (const [path, key] of writes) {
      const result = await call(t.app, 'POST', path, { key, body: {}, idempotencyKey: false });
      expect(result.status, path).toBe(400);
      expect(result.body.type, path).toBe('urn:supplyline:problem:idempotency-key-required');
    }
  });
});
