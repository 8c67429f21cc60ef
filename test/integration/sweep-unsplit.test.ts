import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';
import { createLogger } from '../../shared/logging/logger.js';
import { issuedVoucherSort, UNSPLIT_ISSUED_VOUCHERS } from '../../shared/store/keys.js';
import { sweepExpiredVouchers } from '../../shared/usecases/sweep-expired-vouchers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

/**
 * Before issue 14 every issued voucher sat in one gsi2 partition (`ISSUED`), and in gsi3 by
 * shelter; now each shelter has its own gsi2 partition. A voucher written the old way must still
 * expire, and one still valid must reach its shelter's partition (the offline pack's source).
 */
describe('the sweeper and vouchers issued before gsi2 was split by shelter', () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
  });

  /** Rewrites a voucher as the older checkout wrote it: the single partition, and gsi3's keys. */
  async function writeTheOldWay(voucherId: string): Promise<IssuedVoucher> {
    const stored = await t.deps.stores.vouchers.get(voucherId);
    if (stored?.status !== 'issued') throw new Error('voucher not issued');
    await t.table.doc.send(
      new PutCommand({
        TableName: t.table.tableName,
        Item: {
          pk: `VOUCHER#${stored.id}`,
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
    return stored;
  }

  const issuedAtShelterA = async () =>
    (await t.deps.stores.vouchers.allIssuedAtShelter('shelter-a')).map((voucher) => voucher.id);

  it('moves a valid one into its shelter’s partition, where the pack finds it', async () => {
    const old = await issue(t, world.coordinator);
    await writeTheOldWay(old.id);
    expect(await issuedAtShelterA()).not.toContain(old.id);
    const swept = await sweepExpiredVouchers({}, undefined, {
      stores: t.deps.stores,
      now: () => new Date(),
      logger: createLogger('silent'),
    });
    expect(swept).toEqual({ expired: 0, skipped: 0 });
    expect(await issuedAtShelterA()).toContain(old.id);
    const moved = await t.deps.stores.vouchers.get(old.id);
    expect(moved?.status).toBe('issued');
  });

  it('expires one past its validity in the old partition and one in its shelter’s', async () => {
    const old = await issue(t, world.coordinator);
    const current = await issue(t, world.coordinator);
    const stored = await writeTheOldWay(old.id);
    const afterValidity = new Date(Date.parse(stored.validUntil) + 60_000);
    const swept = await sweepExpiredVouchers({}, undefined, {
      stores: t.deps.stores,
      now: () => afterValidity,
      logger: createLogger('silent'),
    });
    // The two of this test and the one the first test moved: all three are past validity now.
    expect(swept.expired).toBe(3);
    expect((await t.deps.stores.vouchers.get(old.id))?.status).toBe('expired');
    expect((await t.deps.stores.vouchers.get(current.id))?.status).toBe('expired');
    expect(await issuedAtShelterA()).toEqual([]);
  });
});
