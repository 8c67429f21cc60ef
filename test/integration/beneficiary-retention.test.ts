import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import type { Voucher } from '../../shared/domain/voucher.js';
import { call } from '../support/http.js';
import { readRecord } from '../support/table-reads.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

const RETENTION_DAYS = 30;

/**
 * Retention off the hot path: a redemption's transaction no longer touches the beneficiary
 * record; the dispatcher sets its TTL from the change's stream record, to the voucher's final
 * time plus the retention period (so never later than that plus the dispatch delay).
 */
describe('beneficiary retention, set by the dispatcher', () => {
  let t: TestApp;
  let world: VoucherWorld;
  let dispatcher: LocalDispatcher;
  let failuresLeft = 0;
  let purgeCalls = 0;

  const ttlOf = async (voucherId: string) =>
    (await readRecord(t.table, `VOUCHER#${voucherId}`, 'BENEFICIARY'))?.ttl as number | undefined;

  const waitForTtl = async (voucherId: string) => {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      const ttl = await ttlOf(voucherId);
      if (ttl !== undefined) return ttl;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no TTL on ${voucherId}'s beneficiary record`);
  };

  beforeAll(async () => {
    const table = await freshTable();
    t = await createTestApp({ table, env: { BENEFICIARY_RETENTION_DAYS: String(RETENTION_DAYS) } });
    world = await buildVoucherWorld(t);
    const beneficiaries = t.deps.stores.beneficiaries;
    // A TTL update that fails (DynamoDB throttling it, say) the first times it is tried.
    const flaky = Object.create(beneficiaries) as typeof beneficiaries;
    flaky.schedulePurge = async (voucherId, finalAt) => {
      purgeCalls++;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('ProvisionedThroughputExceededException (injected)');
      }
      return beneficiaries.schedulePurge(voucherId, finalAt);
    };
    ({ dispatcher } = await startTestDispatcher(t, table.endpoint, {
      stores: { ...t.deps.stores, beneficiaries: flaky },
    }));
  });

  afterAll(async () => {
    await dispatcher?.stop();
  });

  it('purges a redeemed voucher’s beneficiary record exactly the retention period after the redemption', async () => {
    const voucher = await issue(t, world.coordinator, { lines: [{ itemId: 'water', quantity: 1 }] });
    expect(await ttlOf(voucher.id)).toBeUndefined();
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { token: voucher.token, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    const ttl = await waitForTtl(voucher.id);
    const stored = (await t.deps.stores.vouchers.get(voucher.id)) as Extract<Voucher, { status: 'redeemed' }>;
    expect(ttl).toBe(Math.floor(Date.parse(stored.redeemedAt) / 1000) + RETENTION_DAYS * 86_400);
  });

  it('retries a TTL update that failed, until it is set', async () => {
    const voucher = await issue(t, world.coordinator, { lines: [{ itemId: 'water', quantity: 1 }] });
    failuresLeft = 2;
    const callsBefore = purgeCalls;
    const voided = await call(t.app, 'POST', `/v1/vouchers/${voucher.id}/void`, { key: world.coordinator });
    expect(voided.status).toBe(200);
    const ttl = await waitForTtl(voucher.id);
    expect(purgeCalls - callsBefore).toBe(3);
    const stored = (await t.deps.stores.vouchers.get(voucher.id)) as Extract<Voucher, { status: 'void' }>;
    expect(ttl).toBe(Math.floor(Date.parse(stored.voidedAt) / 1000) + RETENTION_DAYS * 86_400);
  });
});
