import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/fixtures.js';
import { httpClient, serveOverHttp } from '../support/http-server.js';
import { auditLedger, auditReservations } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { decodeQrPng, stockShelter } from '../support/voucher-fixtures.js';

type Balance = { itemId: string; onHand: number; reserved: number; available: number };

describe('three vouchers from issue to hand-over, over HTTP', () => {
  let t: TestApp;
  let world: World;
  let server: Awaited<ReturnType<typeof serveOverHttp>>;
  let http: ReturnType<typeof httpClient>;
  let volunteer: string;
  const beneficiaries = ['HH-2026-SOK-0042', 'HH-2026-CHAN-0107', 'HH-2026-VAN-0311'];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    volunteer = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a'],
      pickupPointIds: ['pp-a1', 'pp-a2'],
    });
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 100 },
      { itemId: 'water', quantity: 600 },
      { itemId: 'blanket', quantity: 20 },
    ]);
    server = await serveOverHttp(t.deps);
    http = httpClient(server.baseUrl);
  });
  afterAll(() => server.close());

  const balances = async () => {
    const stock = await http('GET', '/v1/stock?shelterId=shelter-a', world.coordinator);
    return Object.fromEntries(
      (stock.body.items as Balance[]).map((b) => [b.itemId, { onHand: b.onHand, reserved: b.reserved }]),
    );
  };

  it('reserves on issue, redeems once by QR and once by code, releases on void, and every number adds up', async () => {
    const lines = [
      { itemId: 'rice', quantity: 5 },
      { itemId: 'water', quantity: 30 },
      { itemId: 'blanket', quantity: 1 },
    ];
    const vouchers: Array<{ id: string; code: string; token: string }> = [];
    for (const [i, beneficiaryRef] of beneficiaries.entries()) {
      const body = { shelterId: 'shelter-a', beneficiaryRef, householdSize: 3, lines };
      const issued = await http('POST', '/v1/vouchers', world.coordinator, body, {
        'idempotency-key': `issue-${i}`,
      });
      expect(issued.status, issued.text).toBe(201);
      const retried = await http('POST', '/v1/vouchers', world.coordinator, body, {
        'idempotency-key': `issue-${i}`,
      });
      expect(retried.text).toBe(issued.text);
      vouchers.push(issued.body as { id: string; code: string; token: string });
    }
    expect(await balances()).toEqual({
      rice: { onHand: 100, reserved: 15 },
      water: { onHand: 600, reserved: 90 },
      blanket: { onHand: 20, reserved: 3 },
    });
    const [byQr, byCode, toVoid] = vouchers as [
      (typeof vouchers)[0],
      (typeof vouchers)[0],
      (typeof vouchers)[0],
    ];

    // 1. Scan: the PNG the coordinator prints decodes to the token that redeems.
    const png = await fetch(`${server.baseUrl}/v1/vouchers/${byQr.id}/qr.png`, {
      headers: { authorization: `Bearer ${world.coordinator}` },
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    const scanned = decodeQrPng(Buffer.from(await png.arrayBuffer()));
    expect(scanned).toBe(byQr.token);
    const scanBody = { token: scanned, pickupPointId: 'pp-a1' };
    const first = await http('POST', '/v1/redemptions', volunteer, scanBody, { 'idempotency-key': 'scan-1' });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ voucherId: byQr.id, status: 'redeemed', pickupPointId: 'pp-a1' });
    const replay = await http('POST', '/v1/redemptions', volunteer, scanBody, {
      'idempotency-key': 'scan-1',
    });
    expect(replay.status).toBe(200);
    expect(replay.text).toBe(first.text);
    const secondScan = await http(
      'POST',
      '/v1/redemptions',
      volunteer,
      {
        ...scanBody,
        pickupPointId: 'pp-a2',
      },
      { 'idempotency-key': 'scan-2' },
    );
    expect(secondScan.status).toBe(409);
    expect(secondScan.body).toMatchObject({
      type: 'urn:supplyline:problem:voucher-already-redeemed',
      pickupPointId: 'pp-a1',
      redeemedAt: first.body.redeemedAt,
    });

    // 2. Camera failed: the volunteer types the short code, lower case and without dashes.
    const typed = byCode.code.replaceAll('-', '').toLowerCase();
    const byTyping = await http(
      'POST',
      '/v1/redemptions',
      volunteer,
      { code: typed, pickupPointId: 'pp-a2' },
      { 'idempotency-key': 'type-1' },
    );
    expect(byTyping.status, byTyping.text).toBe(200);
    const retyped = await http(
      'POST',
      '/v1/redemptions',
      volunteer,
      { code: typed, pickupPointId: 'pp-a2' },
      { 'idempotency-key': 'type-1' },
    );
    expect(retyped.text).toBe(byTyping.text);

    // 3. The coordinator cancels the third.
    const voided = await http('POST', `/v1/vouchers/${toVoid.id}/void`, world.coordinator, undefined, {
      'idempotency-key': 'void-1',
    });
    expect(voided.status).toBe(200);
    expect(voided.body.status).toBe('void');
    const revoid = await http('POST', `/v1/vouchers/${toVoid.id}/void`, world.coordinator, undefined, {
      'idempotency-key': 'void-1',
    });
    expect(revoid.text).toBe(voided.text);

    expect(await balances()).toEqual({
      rice: { onHand: 90, reserved: 0 },
      water: { onHand: 540, reserved: 0 },
      blanket: { onHand: 18, reserved: 0 },
    });
    const ledger = await http('GET', '/v1/shelters/shelter-a/movements', world.logistics);
    const distributions = (ledger.body.items as Array<{ type: string; voucherId?: string }>).filter(
      (m) => m.type === 'distribution',
    );
    expect(distributions.map((m) => m.voucherId).sort()).toEqual([byQr.id, byCode.id].sort());

    expect((await auditLedger(t.table, ['shelter-a'])).mismatches).toEqual([]);
    expect((await auditReservations(t.table)).mismatches).toEqual([]);

    // Privacy: no beneficiary reference in any log line, token or QR.
    const everything = [...t.rawLogs, ...vouchers.map((v) => v.token), scanned ?? ''].join('\n');
    for (const ref of beneficiaries) expect(everything).not.toContain(ref);
    for (const voucher of vouchers) {
      expect(Buffer.from(voucher.token, 'base64url').toString('latin1')).not.toMatch(/HH-2026/);
    }
  });
});
