import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logging/logger.js';
import { issuedVoucherSort, UNSPLIT_ISSUED_VOUCHERS } from '../../shared/store/keys.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/**
 * Before issue 14 every issued voucher sat in one gsi2 partition (`ISSUED`); now each shelter has
 * its own. A voucher written the old way must still expire and give its reservation back.
 */
describe('the sweeper and vouchers issued before gsi2 was split by shelter', () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
  });

  it('expires a voucher past its validity in the old partition and one in its shelter’s', async () => {
    const old = await issue(t, world.coordinator);
    const current = await issue(t, world.coordinator);
    // Rewrite the first as the older checkout wrote it: the single partition, and gsi3's keys.
    const stored = await t.deps.stores.vouchers.get(old.id);
    if (stored?.status !== 'issued') throw new Error('voucher not issued');
    await t.table.doc.send(
      new PutCommand({
        TableName: t.table.tableName,
        Item: {
          pk: `VOUCHER#${old.id}`,
          sk: 'META',
          gsi1pk: `ORG#${stored.orgId}#VOUCHERS`,
          gsi1sk: `${stored.issuedAt}#${stored.id}`,
          gsi2pk: UNSPLIT_ISSUED_VOUCHERS,
          gsi2sk: issuedVoucherSort(stored.validUntil, stored.id),
          gsi3pk: `SHELTER#${stored.shelterId}#ISSUED`,
          gsi3sk: `${stored.issuedAt}#${stored.id}`,
          ...stored,
        },
      }),
    );
    const afterValidity = new Date(Date.parse(stored.validUntil) + 60_000);
    const swept = await sweepExpiredVouchers({}, undefined, {
      stores: t.deps.stores,
      now: () => afterValidity,
      logger: createLogger('silent'),
    });
    expect(swept).toEqual({ expired: 2, skipped: 0 });
    expect((await t.deps.stores.vouchers.get(old.id))?.status).toBe('expired');
    expect((await t.deps.stores.vouchers.get(current.id))?.status).toBe('expired');
  });
});
