import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedVoucher } from '../../shared/domain/voucher.js';
import { VoucherStateChangedError } from '../../shared/errors/voucher-errors.js';
import { commitRedemption } from '../../shared/usecases/commit-redemption.js';
import { call } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildVoucherWorld, issue, type VoucherWorld } from '../support/voucher-fixtures.js';

const HOUR = 3_600_000;

/**
 * A redemption no longer reads the lease or checks it in its transaction: the voucher record
 * carries a copy of its lease, written in the lease's own transaction. These tests hold the copy
 * to the lease through every lease change, and the redemption's condition to the copy when the
 * lease is taken between the redemption's read and its write.
 */
describe("the voucher record's copy of its lease", () => {
  let t: TestApp;
  let world: VoucherWorld;
  beforeAll(async () => {
    t = await createTestApp();
    world = await buildVoucherWorld(t);
  });

  const leaseOf = (voucherId: string, at = new Date()) => ({
    voucherId,
    shelterId: 'shelter-a',
    deviceId: 'device-elsewhere',
    keyId: 'key-of-another-desk',
    leasedAt: at.toISOString(),
    leaseUntil: new Date(at.getTime() + HOUR).toISOString(),
  });

  async function stored(voucherId: string) {
    const voucher = await t.deps.stores.vouchers.get(voucherId);
    if (voucher?.status !== 'issued') throw new Error(`voucher ${voucherId} is ${voucher?.status}`);
    return voucher;
  }

  it('follows the lease: set when a device takes it, gone when it is released or handed back', async () => {
    const leases = t.deps.stores.leases;
    const first = await issue(t, world.coordinator);
    const lease = leaseOf(first.id);
    expect(await leases.acquire(lease, new Date())).toBe(true);
    expect(await stored(first.id)).toMatchObject({
      leaseDeviceId: 'device-elsewhere',
      leaseKeyId: 'key-of-another-desk',
      leaseUntil: lease.leaseUntil,
    });
    expect(await leases.release('device-elsewhere', first.id, 'released', String(Date.now()))).toBe(true);
    expect(await stored(first.id)).not.toHaveProperty('leaseDeviceId');

    const second = await issue(t, world.coordinator);
    await leases.acquire(leaseOf(second.id), new Date());
    expect(
      await leases.handBack('device-elsewhere', second.id, String(Date.now()), new Date().toISOString()),
    ).toBe(true);
    expect(await stored(second.id)).not.toHaveProperty('leaseUntil');
  });

  it('refuses a lease of a voucher that left issued, and leaves no copy behind', async () => {
    const voucher = await issue(t, world.coordinator);
    const redeemed = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(redeemed.status).toBe(200);
    expect(await t.deps.stores.leases.acquire(leaseOf(voucher.id), new Date())).toBe(false);
    expect(await t.deps.stores.leases.get(voucher.id)).toBeUndefined();
    expect(await t.deps.stores.vouchers.get(voucher.id)).not.toHaveProperty('leaseDeviceId');
  });

  it("refuses a redemption whose voucher another device took after the redemption's read", async () => {
    const voucher = await issue(t, world.coordinator);
    // The redemption read the voucher free...
    const readBefore: IssuedVoucher = await stored(voucher.id);
    const point = await t.deps.stores.shelters.getPickupPoint('pp-a1');
    if (point === undefined) throw new Error('pp-a1 missing');
    // ...then a device took it, before the redemption's transaction.
    expect(await t.deps.stores.leases.acquire(leaseOf(voucher.id), new Date())).toBe(true);
    const at = new Date().toISOString();
    const attempt = commitRedemption(
      readBefore,
      point,
      { actor: { keyId: 'key-of-this-desk', orgId: 'org-a' }, at },
      t.deps,
      { notHeldByOthers: { keyId: 'key-of-this-desk', now: at } },
    );
    const refusal = await attempt.catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(VoucherStateChangedError);
    expect((refusal as VoucherStateChangedError).current).toMatchObject({
      status: 'issued',
      leaseDeviceId: 'device-elsewhere',
    });
    // Nothing moved: the voucher is still issued and the shelf still holds its goods.
    expect((await stored(voucher.id)).status).toBe('issued');

    // Over HTTP the same voucher is refused naming the holder, before any write.
    const refused = await call(t.app, 'POST', '/v1/redemptions', {
      key: world.volunteer,
      body: { code: voucher.code, pickupPointId: 'pp-a1' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:supplyline:problem:voucher-held-by-device');

    // The holder's own key may still redeem it online.
    const own = commitRedemption(
      readBefore,
      point,
      { actor: { keyId: 'key-of-another-desk', orgId: 'org-a' }, at: new Date().toISOString() },
      t.deps,
      { notHeldByOthers: { keyId: 'key-of-another-desk', now: new Date().toISOString() } },
    );
    await expect(own).resolves.toMatchObject({ status: 'redeemed' });
    expect(await t.deps.stores.vouchers.get(voucher.id)).not.toHaveProperty('leaseKeyId');
  });
});
