import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { call } from '../support/http.js';
import { auditReservations } from '../support/ledger-audit.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { readRecord } from '../support/table-reads.js';
import { appWith, createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('vouchers: happy path', () => {
  let t: TestApp;
  let world: VoucherWorld;
  const riceReserved = () => reservedOf(t, 'shelter-a', 'rice');

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  describe('issue', () => {
    it('never stores the raw beneficiary reference', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'RAW-REF-SHOULD-NOT-BE-STORED' });
      const record = await t.deps.stores.vouchers.get(voucher.id);
      const stored =
        record === undefined ? undefined : await t.deps.stores.beneficiaries.of(record, new Date());
      expect(stored?.beneficiaryHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(stored)).not.toContain('RAW-REF');
      expect(t.rawLogs.join('\n')).not.toContain('RAW-REF');
    });
  });

  describe('batch issue', () => {
    it('issues each row on its own and reports a result per row', async () => {
      const ok = {
        shelterId: 'shelter-a',
        beneficiaryRef: 'HH-BATCH',
        householdSize: 2,
        lines: [{ itemId: 'rice', quantity: 1 }],
      };
      const short = {
        ...ok,
        lines: [
          { itemId: 'rice', quantity: 1 },
          { itemId: 'blanket', quantity: 10_000 },
        ],
      };
      const body = { vouchers: [ok, short, ok, { ...ok, shelterId: 'nowhere' }] };
      const before = await riceReserved();
      const result = await call<{
        issued: number;
        failed: number;
        results: Array<{ index: number; status: number }>;
      }>(t.app, 'POST', '/v1/vouchers/batch', {
        key: world.coordinator,
        body,
        headers: { 'idempotency-key': 'batch-1' },
      });
      expect(result.status).toBe(200);
      expect(result.body.results.map((r) => r.status)).toEqual([201, 409, 201, 404]);
      expect(result.body).toMatchObject({ issued: 2, failed: 2 });
      expect(await riceReserved()).toBe(before + 2);
      const replay = await call(t.app, 'POST', '/v1/vouchers/batch', {
        key: world.coordinator,
        body,
        headers: { 'idempotency-key': 'batch-1' },
      });
      expect(replay.text).toBe(result.text);
      expect(await riceReserved()).toBe(before + 2);
      expect((await auditReservations(t.table)).mismatches).toEqual([]);
    });
  });

  describe('void', () => {
    it('stores the reason given, trimmed, and shows it to the coordinator', async () => {
      const voucher = await issue(t, world.coordinator);
      const voided = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, {
        key: world.coordinator,
        body: { reason: '  household moved to another province  ' },
      });
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({
        status: 'void',
        voidReason: 'household moved to another province',
      });
      const read = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}`, { key: world.coordinator });
      expect(read.body.voidReason).toBe('household moved to another province');
      expect(await t.deps.stores.vouchers.get(voucher.id)).toMatchObject({
        status: 'void',
        voidReason: 'household moved to another province',
      });
    });

    it('voids without a body, and then shows no reason', async () => {
      const voucher = await issue(t, world.coordinator);
      const voided = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: world.coordinator });
      expect(voided.status).toBe(200);
      expect(voided.body).not.toHaveProperty('voidReason');
    });
  });

  describe('list', () => {
    it('lists by status and shelter, newest first, in pages', async () => {
      // Three pages' worth of issued vouchers and a void one, whatever ran before.
      for (let i = 0; i < 3; i++) await issue(t, world.coordinator);
      const cancelled = await issue(t, world.coordinator);
      await call(t.app, 'POST', `/v1/vouchers/${cancelled.id}/void`, { key: world.coordinator });

      const first = await call<{
        items: Array<{ id: string; status: string; issuedAt: string }>;
        nextCursor: string;
      }>(t.app, 'GET', '/v1/vouchers?status=issued&shelterId=shelter-a&limit=2', { key: world.coordinator });
      expect(first.status).toBe(200);
      expect(first.body.items.length).toBeGreaterThan(0);
      expect(first.body.items.every((v) => v.status === 'issued')).toBe(true);
      const second = await call<{ items: Array<{ issuedAt: string }> }>(
        t.app,
        'GET',
        // The next page: the same filters, the cursor the first page gave.
        `/v1/vouchers?status=issued&shelterId=shelter-a&limit=2&cursor=${first.body.nextCursor}`,
        {
          key: world.coordinator,
        },
      );
      expect(second.body.items.length).toBeGreaterThan(0);
      expect((second.body.items[0]?.issuedAt ?? '') <= (first.body.items.at(-1)?.issuedAt ?? '')).toBe(true);
      const voids = await call<{ items: Array<{ status: string }> }>(
        t.app,
        'GET',
        '/v1/vouchers?status=void',
        { key: world.coordinator },
      );
      expect(voids.body.items.every((v) => v.status === 'void')).toBe(true);
      const today = new Date().toISOString().slice(0, 10);
      const dated = await call<{ items: unknown[] }>(
        t.app,
        'GET',
        `/v1/vouchers?issuedFrom=${today}&issuedTo=${today}`,
        { key: world.coordinator },
      );
      expect(dated.body.items.length).toBeGreaterThan(0);
    });
  });

  describe('QR and slips', () => {
    it('renders an SVG QR and an A4 slip page in English and Khmer without beneficiary data', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-SLIP-REF' });
      const svg = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}/qr.svg`, { key: world.coordinator });
      expect(svg.headers.get('content-type')).toBe('image/svg+xml');
      expect(svg.text).toContain('<svg');
      const slips = await call(t.app, 'GET', `/v1/voucher-slips?ids=${voucher.id}`, {
        key: world.coordinator,
      });
      expect(slips.status).toBe(200);
      expect(slips.text).toContain('size: A4');
      expect(slips.text).toContain(voucher.code);
      expect(slips.text).toContain('ប័ណ្ណចែកជំនួយ');
      expect(slips.text).not.toContain('HH-SLIP-REF');
    });

    it('names each QR code for screen readers with a <title>: the voucher code, nothing personal', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-TITLE-REF' });
      const titleOf = (svg: string) => /^<svg[^>]*>\s*<title>([^<]*)<\/title>/.exec(svg)?.[1];
      const slips = await call(t.app, 'GET', `/v1/voucher-slips?ids=${voucher.id}`, {
        key: world.coordinator,
      });
      const slipSvg = /<svg[\s\S]*?<\/svg>/.exec(slips.text)?.[0] ?? '';
      expect(titleOf(slipSvg)).toBe(`QR code of voucher ${voucher.code}`);
      expect(slipSvg).toContain('role="img"');
      const single = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}/slip`, { key: world.coordinator });
      expect(titleOf(/<svg[\s\S]*?<\/svg>/.exec(single.text)?.[0] ?? '')).toBe(
        `QR code of voucher ${voucher.code}`,
      );
      const svg = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}/qr.svg`, { key: world.coordinator });
      expect(titleOf(svg.text)).toBe(`QR code of voucher ${voucher.code}`);
      expect(`${slips.text}${svg.text}`).not.toContain('HH-TITLE-REF');
    });
  });

  describe('expiry and retention', () => {
    it('treats a voucher past validity as expired at once, and the sweeper releases its reservation', async () => {
      const voucher = await issue(t, world.coordinator, {
        validFrom: new Date(Date.now() - 86_400_000).toISOString(),
        validUntil: new Date(Date.now() + 1200).toISOString(),
      });
      const reservedBefore = await riceReserved();
      await new Promise((r) => setTimeout(r, 1300));
      const read = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}`, { key: world.coordinator });
      expect(read.body.status).toBe('expired');
      const redeem = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteerAB,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(redeem.body.type).toBe('urn:supplyline:problem:voucher-expired');
      expect(await riceReserved()).toBe(reservedBefore);

      const swept = await sweepExpiredVouchers({}, undefined, {
        stores: t.deps.stores,
        now: () => new Date(),
        logger: createLogger('silent'),
      });
      expect(swept.expired).toBeGreaterThanOrEqual(1);
      expect(await riceReserved()).toBe(reservedBefore - 5);
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('expired');
      expect((await auditReservations(t.table)).mismatches).toEqual([]);
      const again = await sweepExpiredVouchers({}, undefined, {
        stores: t.deps.stores,
        now: () => new Date(),
        logger: createLogger('silent'),
      });
      expect(again.expired).toBe(0);
    });

    it('drops beneficiary fields once a final voucher passes its retention period', async () => {
      const shortRetention = await createTestApp({
        table: t.table,
        env: { BENEFICIARY_RETENTION_DAYS: '0' },
      });
      const voucher = await issue(shortRetention, world.coordinator);
      expect(
        (await call(shortRetention.app, 'GET', `/v1/vouchers/${voucher.id}`, { key: world.coordinator })).body
          .householdSize,
      ).toBe(4);
      await call(shortRetention.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: world.coordinator });
      await new Promise((r) => setTimeout(r, 1100));
      const voided = await shortRetention.deps.stores.vouchers.get(voucher.id);
      expect(voided?.status).toBe('void');
      // No dispatcher runs here: the record is hidden by its voucher's final time, TTL or not.
      expect(await readRecord(t.table, `VOUCHER#${voucher.id}`, 'BENEFICIARY')).not.toHaveProperty('ttl');
      if (voided !== undefined)
        expect(await shortRetention.deps.stores.beneficiaries.of(voided, new Date())).toBeUndefined();
      const read = await call(shortRetention.app, 'GET', `/v1/vouchers/${voucher.id}`, {
        key: world.coordinator,
      });
      expect(read.body.householdSize).toBeNull();
    });
  });
});
