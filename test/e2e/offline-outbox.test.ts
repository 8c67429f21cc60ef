import { describe, expect, it } from 'vitest';
import { balance, issueVoucher } from './support/demo-server.js';
import { phonePerTest } from './support/lifecycle.js';
import { signInToScan } from './support/scan-page.js';

/** In a page: record handovers of these pooled vouchers through the scanner's own outbox module. */
// The vouchers are read from the list before either tab hands over: a handover takes its voucher
// off the list, and the race under test is two tabs recording the same voucher, not reading it.
const poolInPage = `async (ids) => {
  const store = await import('/web/scan/offline-store.js');
  return Promise.all(ids.map((id) => store.poolVoucher(id)));
}`;
const recordInPage = `async (vouchers) => {
  const store = await import('/web/scan/offline-store.js');
  const { recordHandover } = await import('/web/scan/offline-handover.js');
  const device = await store.getDevice('pp-central-gate');
  return Promise.all(vouchers.map(async (voucher) => (await recordHandover(device, voucher)).entry));
}`;
const syncInPage = `async (key) => {
  const store = await import('/web/scan/offline-store.js');
  const { syncOutbox } = await import('/web/scan/device-sync.js');
  return syncOutbox(key, await store.getDevice('pp-central-gate'));
}`;

describe('/scan offline outbox: two tabs of one phone', () => {
  const phone = phonePerTest();

  it('numbers records without gaps or repeats, keeps one record per voucher, and two tabs syncing at once redeem each once', async () => {
    const { demo, context, page } = phone;
    const vouchers = await Promise.all(Array.from({ length: 12 }, () => issueVoucher(demo)));
    const before = await balance(demo, 'pp-central', 'rice');
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    const other = await context.newPage();
    await other.goto('/scan');
    await other.locator('#view-scan').waitFor({ state: 'visible' });
    await context.setOffline(true);
    const ids = vouchers.map((voucher) => voucher.id);

    // Both tabs hand over overlapping halves at the same moment (a double tap, a second tab).
    const listed = await page.evaluate(`(${poolInPage})(${JSON.stringify(ids)})`);
    expect((listed as unknown[]).filter(Boolean)).toHaveLength(12);
    const [first, second] = (await Promise.all([
      page.evaluate(`(${recordInPage})(${JSON.stringify((listed as unknown[]).slice(0, 8))})`),
      other.evaluate(`(${recordInPage})(${JSON.stringify((listed as unknown[]).slice(4))})`),
    ])) as Array<Array<{ clientRedemptionId: string; voucherId: string; sequence: number }>>;

    const records = new Map(
      [...(first ?? []), ...(second ?? [])].map((entry) => [entry.clientRedemptionId, entry]),
    );
    expect(records.size).toBe(12);
    expect(new Set([...records.values()].map((entry) => entry.voucherId)).size).toBe(12);
    expect([...records.values()].map((entry) => entry.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );

    await context.setOffline(false);
    const [a, b] = (await Promise.all([
      page.evaluate(`(${syncInPage})(${JSON.stringify(demo.keys.volunteer)})`),
      other.evaluate(`(${syncInPage})(${JSON.stringify(demo.keys.volunteer)})`),
    ])) as Array<Array<{ outcome: string }>>;
    expect([...(a ?? []), ...(b ?? [])].every((result) => result.outcome === 'redeemed')).toBe(true);
    const after = await balance(demo, 'pp-central', 'rice');
    expect(after.onHand).toBe(before.onHand - 5 * 12);
    for (const voucher of vouchers) {
      const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
      expect(status.body).toMatchObject({ status: 'redeemed' });
    }
  });
});
