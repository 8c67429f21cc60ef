import { describe, expect, it } from 'vitest';
import { type IssuedVoucher, issueVoucher } from './support/demo-server.js';
import { standInDeviceApi } from './support/device-api-stand-in.js';
import { phonePerTest } from './support/lifecycle.js';
import { waitUntilPackTaken } from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

describe('/scan offline: what a phone refuses to hand over without the server', () => {
  const phone = phonePerTest();

  it('says a voucher not in its pool is not on its list, and to go online or to the desk that holds it', async () => {
    const { demo, context, page } = phone;
    const pooled: IssuedVoucher[] = [await issueVoucher(demo)];
    await standInDeviceApi(context, demo, () => pooled.map((voucher) => voucher.id));
    const elsewhere = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);

    await context.setOffline(true);
    await typeCode(page, elsewhere.code);

    await waitForState(page, 'not-on-list');
    const screen = await screenText(page);
    expect(screen.title).toBe('Not on this phone’s list');
    expect(screen.detail).toContain('Go online to check it, or send the person to the desk that holds it.');
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-artifacts/offline-not-on-list.png' });
  });

  it('refuses offline once the lease on a voucher has run out by the phone’s clock', async () => {
    const { demo, context, page } = phone;
    const voucher = await issueVoucher(demo);
    await standInDeviceApi(context, demo, () => [voucher.id]);
    await page.clock.install();
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);
    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Next voucher' }).click();

    // The shelter's offline window is 12 hours; the voucher itself is valid for days.
    await page.clock.setSystemTime(Date.now() + 13 * 3600_000);
    await typeCode(page, voucher.code);

    await waitForState(page, 'lease-ended');
    expect((await screenText(page)).detail).toContain('Go online to refresh the list');
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
  });
});
