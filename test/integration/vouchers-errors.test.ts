import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, isProblem } from '../support/http.js';
import { reservedOf } from '../support/stock-fixtures.js';
import { appWith, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, standardLines, type VoucherWorld } from '../support/voucher-fixtures.js';

describe('vouchers: errors', () => {
  let t: TestApp;
  let world: VoucherWorld;
  const reservedAtA = (itemId: string) => reservedOf(t, 'shelter-a', itemId);

  beforeAll(async () => {
    ({ t, world } = await appWith(buildVoucherWorld));
  });

  describe('issue', () => {
    it('refuses a voucher the available stock cannot honour, listing each short item and reserving nothing', async () => {
      const before = await reservedAtA('rice');
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
      expect(await reservedAtA('rice')).toBe(before);
      expect(await reservedAtA('water')).toBe(0);
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
  });

  describe('batch issue', () => {
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
      const before = await reservedAtA('rice');
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
      expect(await reservedAtA('rice')).toBe(before);
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
          key: world.volunteerAB,
          body: { token: voucher.token, pickupPointId: 'pp-a1' },
        });
        expect(redeem.status).toBe(500);
        const logged = t.logs.filter((line) => line.errorName === 'MalformedRecordError');
        expect(logged.length).toBeGreaterThanOrEqual(3);
        expect(String(logged[0]?.errorMessage)).toContain(`VOUCHER#${voucher.id} META`);
        expect(String(logged[0]?.errorMessage)).toContain('redeemedAt');
      } finally {
        // The other tests of this file issue and read the same organisation's vouchers.
        await setStatus('issued');
      }
    });
  });
});
