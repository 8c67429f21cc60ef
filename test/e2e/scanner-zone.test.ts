import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phone } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';
import { waitUntilPackTaken } from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

describe('/scan on a phone whose clock is set to another time zone', () => {
  const suite = demoInChromium();
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await phone(suite.browser, suite.demo.baseUrl, { timezoneId: 'Europe/London' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  it('shows times where the shelter is (Asia/Phnom_Penh), in English and in Khmer', async () => {
    const { demo } = suite;
    const voucher = await issueVoucher(demo);
    const first = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code: voucher.code,
      pickupPointId: 'pp-central-hall',
    });
    const redeemedAt = new Date(String(first.body.redeemedAt));
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, voucher.code);
    await waitForState(page, 'already-redeemed');
    const inPhnomPenh = (locale: string) =>
      new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Asia/Phnom_Penh' }).format(redeemedAt);
    const inLondon = new Intl.DateTimeFormat('en-GB', {
      timeStyle: 'short',
      timeZone: 'Europe/London',
    }).format(redeemedAt);
    expect(inPhnomPenh('en-GB')).not.toBe(inLondon);
    expect((await screenText(page)).detail).toContain(inPhnomPenh('en-GB'));

    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    // Khmer as the pages write it: a 24-hour clock in Khmer digits, in each zone.
    const khmer = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
        .format(redeemedAt)
        .replace(/[0-9]/g, (digit) => '០១២៣៤៥៦៧៨៩'.charAt(Number(digit)));
    const detail = (await screenText(page)).detail;
    expect(detail).toContain(khmer('Asia/Phnom_Penh'));
    expect(detail).not.toContain(khmer('Europe/London'));
  });

  it('signs the device off at sign-out, once nothing waits to sync', async () => {
    const { demo } = suite;
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);
    const deviceId = (await page.evaluate(
      `import('/web/scan/offline-store.js').then((store) => store.getDevice('pp-central-gate')).then((d) => d.deviceId)`,
    )) as string;

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#view-signin').waitFor({ state: 'visible' });

    const device = await demo.http('GET', `/v1/devices/${deviceId}`, demo.keys.admin);
    expect(device.body).toMatchObject({ id: deviceId, status: 'signed-off' });
  });
});
