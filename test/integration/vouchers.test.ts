import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { buildWorld, type World } from '../support/fixtures.js';
import { type CallResult, call, isProblem } from '../support/http.js';
import { auditReservations } from '../support/ledger-audit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issue, standardLines, stockShelter } from '../support/voucher-fixtures.js';

const reservedOf = async (t: TestApp, itemId: string) =>
  (await t.deps.stores.stock.readBalances('shelter-a', [itemId])).get(itemId)?.reserved ?? 0;

describe('vouchers', () => {
  let t: TestApp;
  let world: World;
  let otherCoordinator: string;
  let volunteer: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    otherCoordinator = await t.createKey('coordinator', 'org-b');
    volunteer = await t.createKey('volunteer', 'org-a', {
      shelterIds: ['shelter-a', 'shelter-b'],
      pickupPointIds: ['pp-a1', 'pp-b1'],
    });
    await stockShelter(t, world.logistics, 'shelter-a', [
      { itemId: 'rice', quantity: 500 },
      { itemId: 'water', quantity: 3000 },
      { itemId: 'blanket', quantity: 100 },
    ]);
  });

  describe('issue', () => {
    it('refuses a voucher the available stock cannot honour, listing each short item and reserving nothing', async () => {
      const before = await reservedOf(t, 'rice');
      const result = await call(t.app, 'POST', '/v1/vouchers', {
        key: world.coordinator,
        body: {
          shelterId: 'shelter-a',
          beneficiaryRef: 'HH-BIG',
          householdSize: 9,
          lines: [
            { itemId: 'rice', quantity: 501 },
            { itemId: 'water', quantity: 1 },
            { itemId: 'blanket', quantity: 101 },
          ],
        },
      });
      expect(result.status).toBe(409);
      expect(isProblem(result)).toBe(true);
      expect((result.body.shortItems as Array<{ itemId: string }>).map((s) => s.itemId)).toEqual([
        'rice',
        'blanket',
      ]);
      expect(await reservedOf(t, 'rice')).toBe(before);
      expect(await reservedOf(t, 'water')).toBe(0);
    });

    it('refuses an item never stocked at the shelter', async () => {
      const result = await call(t.app, 'POST', '/v1/vouchers', {
        key: world.coordinator,
        body: {
          shelterId: 'shelter-b',
          beneficiaryRef: 'HH-B',
          householdSize: 1,
          lines: [{ itemId: 'rice', quantity: 1 }],
        },
      });
      expect(result.status).toBe(409);
    });

    it('names each invalid field', async () => {
      const result = await call(t.app, 'POST', '/v1/vouchers', {
        key: world.coordinator,
        body: {
          shelterId: 'shelter-a',
          beneficiaryRef: '',
          householdSize: 0,
          lines: [{ itemId: 'blanket', quantity: 0.5 }],
          validUntil: 'soon',
        },
      });
      expect(result.status).toBe(400);
      expect((result.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'body.beneficiaryRef',
        'body.householdSize',
        'body.validUntil',
      ]);
      const pieces = await call(t.app, 'POST', '/v1/vouchers', {
        key: world.coordinator,
        body: {
          shelterId: 'shelter-a',
          beneficiaryRef: 'x',
          householdSize: 1,
          lines: [{ itemId: 'blanket', quantity: 0.5 }],
        },
      });
      expect((pieces.body.errors as Array<{ field: string }>)[0]?.field).toBe('body.lines.0.quantity');
      const past = await call(t.app, 'POST', '/v1/vouchers', {
        key: world.coordinator,
        body: {
          shelterId: 'shelter-a',
          beneficiaryRef: 'x',
          householdSize: 1,
          lines: standardLines,
          validUntil: '2020-01-01T00:00:00Z',
        },
      });
      expect(past.status).toBe(400);
    });

    it('never stores the raw beneficiary reference', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'RAW-REF-SHOULD-NOT-BE-STORED' });
      const stored = await t.deps.stores.vouchers.beneficiary(voucher.id, new Date());
      expect(stored?.beneficiaryHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(stored)).not.toContain('RAW-REF');
      expect(t.rawLogs.join('\n')).not.toContain('RAW-REF');
    });

    it('lets only coordinators issue', async () => {
      for (const key of [world.admin, world.logistics, volunteer]) {
        const result = await call(t.app, 'POST', '/v1/vouchers', {
          key,
          body: { shelterId: 'shelter-a', beneficiaryRef: 'x', householdSize: 1, lines: standardLines },
        });
        expect(result.status).toBe(403);
      }
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
      const before = await reservedOf(t, 'rice');
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
      expect(await reservedOf(t, 'rice')).toBe(before + 2);
      const replay = await call(t.app, 'POST', '/v1/vouchers/batch', {
        key: world.coordinator,
        body,
        headers: { 'idempotency-key': 'batch-1' },
      });
      expect(replay.text).toBe(result.text);
      expect(await reservedOf(t, 'rice')).toBe(before + 2);
      expect((await auditReservations(t.table)).mismatches).toEqual([]);
    });

    it('refuses more than 500 rows', async () => {
      const row = {
        shelterId: 'shelter-a',
        beneficiaryRef: 'x',
        householdSize: 1,
        lines: [{ itemId: 'rice', quantity: 1 }],
      };
      const result = await call(t.app, 'POST', '/v1/vouchers/batch', {
        key: world.coordinator,
        body: { vouchers: Array(501).fill(row) },
      });
      expect(result.status).toBe(400);
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

    it('refuses an unknown field and an overlong reason, leaving the voucher issued', async () => {
      const voucher = await issue(t, world.coordinator);
      for (const [body, field] of [
        [{ reason: 'duplicate', note: 'typo' }, 'body.note'],
        [{ reason: 'x'.repeat(201) }, 'body.reason'],
        [{ reason: '   ' }, 'body.reason'],
      ] as const) {
        const result = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, {
          key: world.coordinator,
          body,
        });
        expect(result.status, JSON.stringify(body)).toBe(400);
        expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
      }
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    });
  });

  describe('unknown fields are refused, not dropped', () => {
    const row = {
      shelterId: 'shelter-a',
      beneficiaryRef: 'HH-STRICT',
      householdSize: 1,
      lines: [{ itemId: 'rice', quantity: 1 }],
    };

    it('in the issue body and in its lines', async () => {
      for (const [body, field] of [
        [{ ...row, priority: 'high' }, 'body.priority'],
        [{ ...row, lines: [{ itemId: 'rice', quantity: 1, unit: 'kg' }] }, 'body.lines.0.unit'],
      ] as const) {
        const result = await call(t.app, 'POST', '/v1/vouchers', { key: world.coordinator, body });
        expect(result.status, JSON.stringify(body)).toBe(400);
        expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
      }
    });

    it('in a batch row and in a batch row’s lines, issuing nothing', async () => {
      const before = await reservedOf(t, 'rice');
      for (const [vouchers, field] of [
        [[row, { ...row, qty: 2 }], 'body.vouchers.1.qty'],
        [[{ ...row, lines: [{ itemId: 'rice', qty: 1 }] }], 'body.vouchers.0.lines.0.qty'],
      ] as const) {
        const result = await call(t.app, 'POST', '/v1/vouchers/batch', {
          key: world.coordinator,
          body: { vouchers },
        });
        expect(result.status, JSON.stringify(vouchers)).toBe(400);
        expect((result.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
      }
      expect(await reservedOf(t, 'rice')).toBe(before);
    });
  });

  describe('verify', () => {
    it('shows status and lines with names, no beneficiary fields, and changes nothing', async () => {
      const voucher = await issue(t, world.coordinator, { beneficiaryRef: 'HH-VERIFY' });
      const reserved = await reservedOf(t, 'rice');
      const result = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: volunteer,
        body: { code: voucher.code, pickupPointId: 'pp-a1' },
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ voucherId: voucher.id, status: 'issued', canRedeemHere: true });
      expect(result.body.lines).toEqual([
        { itemId: 'rice', name: 'Rice', unit: 'kg', quantity: 5 },
        { itemId: 'water', name: 'Water', unit: 'L', quantity: 30 },
        { itemId: 'blanket', name: 'Blanket', unit: 'piece', quantity: 1 },
      ]);
      expect(result.text).not.toMatch(/householdSize|beneficiary/);
      const wrongShelter = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(wrongShelter.body.canRedeemHere).toBe(false);
      expect(await reservedOf(t, 'rice')).toBe(reserved);
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    });

    it('refuses a mistyped code before looking anything up, and answers 404 for an unknown one', async () => {
      const voucher = await issue(t, world.coordinator);
      const last = voucher.code.at(-1) === '0' ? '1' : '0';
      const typo = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: volunteer,
        body: { code: `${voucher.code.slice(0, -1)}${last}` },
      });
      expect(typo.status).toBe(422);
      expect(typo.body.type).toBe('urn:supplyline:problem:voucher-code-invalid');
      const both = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: volunteer,
        body: { code: voucher.code, token: voucher.token },
      });
      expect(both.status).toBe(400);
    });
  });

  describe('redeem: each refusal has its own problem type', () => {
    it('refuses a voucher for another shelter, a void one, one not yet valid, and a pickup point outside the key', async () => {
      const voucher = await issue(t, world.coordinator);
      const wrong = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(wrong.status).toBe(422);
      expect(wrong.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');

      const voided = await issue(t, world.coordinator);
      await call(t.app, 'POST', `/v1/vouchers/${voided.id}/void`, { key: world.coordinator });
      const onVoid = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voided.token, pickupPointId: 'pp-a1' },
      });
      expect(onVoid.body.type).toBe('urn:supplyline:problem:voucher-void');

      const later = await issue(t, world.coordinator, {
        validFrom: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const early = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: later.token, pickupPointId: 'pp-a1' },
      });
      expect(early.body.type).toBe('urn:supplyline:problem:voucher-not-yet-valid');

      const outside = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-a2' },
      });
      expect(outside.status).toBe(403);
      const coordinator = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.coordinator,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(coordinator.status).toBe(403);
    });
  });

  describe('redemption access: a shelter’s volunteers serve every partner, and see no other shelter’s vouchers', () => {
    // world.volunteer (org-a) serves pickup point pp-a1 of shelter A only; `volunteer` serves A and B.
    // The vouchers are another partner's (org-c), so this organisation's listings stay as they were.
    let partner: string;
    beforeAll(async () => {
      await t.createOrg('org-c');
      partner = await t.createKey('coordinator', 'org-c');
    });

    /** A refusal that tells nothing of the voucher's state: the problem members and the shelter only. */
    const expectNothingOfState = (result: CallResult) => {
      expect(Object.keys(result.body).sort()).toEqual(
        ['detail', 'requestId', 'status', 'title', 'type', 'voucherShelterId'].sort(),
      );
      expect(String(result.body.detail)).not.toMatch(/redeemed|cancelled|expired|\d{4}-\d{2}-\d{2}/);
    };

    it('verifies and redeems another partner organisation’s voucher for the shelter it serves', async () => {
      const ofPartner = await issue(t, partner);
      const checked = await call(t.app, 'POST', '/v1/vouchers/verify', {
        key: world.volunteer,
        body: { code: ofPartner.code },
      });
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ voucherId: ofPartner.id, status: 'issued' });
      const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
        key: world.volunteer,
        body: { token: ofPartner.token, pickupPointId: 'pp-a1' },
      });
      expect(redeemed.status).toBe(200);
    });

    it('answers voucher-wrong-shelter, and nothing of its state, for a void or redeemed voucher of another shelter', async () => {
      await stockShelter(t, world.logistics, 'shelter-b', [{ itemId: 'rice', quantity: 20 }]);
      const lines = [{ itemId: 'rice', quantity: 1 }];
      const voided = await issue(t, partner, { shelterId: 'shelter-b', lines });
      await call(t.app, 'POST', `/v1/vouchers/${voided.id}/void`, { key: partner });
      const redeemed = await issue(t, partner, { shelterId: 'shelter-b', lines });
      const handedOver = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: redeemed.token, pickupPointId: 'pp-b1' },
      });
      expect(handedOver.status).toBe(200);

      for (const voucher of [voided, redeemed]) {
        for (const body of [
          { token: voucher.token },
          { code: voucher.code },
          { token: voucher.token, pickupPointId: 'pp-a1' },
        ]) {
          const checked = await call(t.app, 'POST', '/v1/vouchers/verify', { key: world.volunteer, body });
          expect(checked.status, JSON.stringify(body)).toBe(422);
          expect(checked.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
          expectNothingOfState(checked);
        }
        const redeem = await call(t.app, 'POST', '/v1/redemptions', {
          key: world.volunteer,
          body: { token: voucher.token, pickupPointId: 'pp-a1' },
        });
        expect(redeem.status).toBe(422);
        expect(redeem.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
        expectNothingOfState(redeem);
      }
    });

    it('checks the shelter before the state even for a key that serves both shelters', async () => {
      const voucher = await issue(t, partner);
      await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: partner });
      const elsewhere = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-b1' },
      });
      expect(elsewhere.body.type).toBe('urn:supplyline:problem:voucher-wrong-shelter');
      expectNothingOfState(elsewhere);
      const here = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(here.body.type).toBe('urn:supplyline:problem:voucher-void');
      expect(here.body.voidedAt).toEqual(expect.any(String));
    });
  });

  describe('coordinators see their own organisation only', () => {
    it('answers 404 for another organisation’s voucher, its QR, slip and void', async () => {
      const voucher = await issue(t, world.coordinator);
      for (const [method, path] of [
        ['GET', `/v1/vouchers/${voucher.id}`],
        ['GET', `/v1/vouchers/${voucher.id}/qr.svg`],
        ['GET', `/v1/vouchers/${voucher.id}/qr.png`],
        ['GET', `/v1/vouchers/${voucher.id}/slip`],
        ['POST', `/v1/vouchers/${voucher.id}/void`],
      ] as const) {
        const result = await call(t.app, method, path, { key: otherCoordinator });
        expect(result.status, path).toBe(404);
        expect(isProblem(result)).toBe(true);
      }
      const list = await call<{ items: unknown[] }>(t.app, 'GET', '/v1/vouchers', { key: otherCoordinator });
      expect(list.body.items).toEqual([]);
      expect((await t.deps.stores.vouchers.get(voucher.id))?.status).toBe('issued');
    });

    it('lists by status and shelter, newest first, in pages', async () => {
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
        `/v1/vouchers?status=issued&limit=2&cursor=${first.body.nextCursor}`,
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

  describe('a malformed stored voucher', () => {
    it('fails as an internal error naming its key, and is never served as a voucher', async () => {
      const voucher = await issue(t, world.coordinator);
      const setStatus = (status: string) =>
        t.table.doc.send(
          new UpdateCommand({
            TableName: t.table.tableName,
            Key: { pk: `VOUCHER#${voucher.id}`, sk: 'META' },
            UpdateExpression: 'SET #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status },
          }),
        );
      // Redeemed, says the record, but without when, where or by whom: not a voucher we wrote.
      await setStatus('redeemed');
      try {
        for (const path of [`/v1/vouchers/${voucher.id}`, '/v1/vouchers?limit=200']) {
          const result = await call(t.app, 'GET', path, { key: world.coordinator });
          expect(result.status, path).toBe(500);
          expect(isProblem(result)).toBe(true);
          expect(result.body.type).toBe('urn:supplyline:problem:internal');
          expect(result.text).not.toContain(voucher.id);
        }
        const redeem = await call(t.app, 'POST', '/v1/redemptions', {
          key: volunteer,
          body: { token: voucher.token, pickupPointId: 'pp-a1' },
        });
        expect(redeem.status).toBe(500);
        const logged = t.logs.filter((line) => line.errorName === 'MalformedRecordError');
        expect(logged.length).toBeGreaterThanOrEqual(3);
        expect(String(logged[0]?.errorMessage)).toContain(`VOUCHER#${voucher.id} META`);
        expect(String(logged[0]?.errorMessage)).toContain('redeemedAt');
      } finally {
        // The other tests of this file list and sweep the same organisation's vouchers.
        await setStatus('issued');
      }
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
  });

  describe('expiry and retention', () => {
    it('treats a voucher past validity as expired at once, and the sweeper releases its reservation', async () => {
      const voucher = await issue(t, world.coordinator, {
        validFrom: new Date(Date.now() - 86_400_000).toISOString(),
        validUntil: new Date(Date.now() + 1200).toISOString(),
      });
      const reservedBefore = await reservedOf(t, 'rice');
      await new Promise((r) => setTimeout(r, 1300));
      const read = await call(t.app, 'GET', `/v1/vouchers/${voucher.id}`, { key: world.coordinator });
      expect(read.body.status).toBe('expired');
      const redeem = await call(t.app, 'POST', '/v1/redemptions', {
        key: volunteer,
        body: { token: voucher.token, pickupPointId: 'pp-a1' },
      });
      expect(redeem.body.type).toBe('urn:supplyline:problem:voucher-expired');
      expect(await reservedOf(t, 'rice')).toBe(reservedBefore);

      const swept = await sweepExpiredVouchers({}, undefined, {
        stores: t.deps.stores,
        now: () => new Date(),
        logger: createLogger('silent'),
      });
      expect(swept.expired).toBeGreaterThanOrEqual(1);
      expect(await reservedOf(t, 'rice')).toBe(reservedBefore - 5);
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
      expect(await shortRetention.deps.stores.vouchers.beneficiary(voucher.id, new Date())).toBeUndefined();
      const read = await call(shortRetention.app, 'GET', `/v1/vouchers/${voucher.id}`, {
        key: world.coordinator,
      });
      expect(read.body.householdSize).toBeNull();
    });
  });
});
