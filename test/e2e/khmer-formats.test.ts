import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchForViolations } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import {
  KHMER_DAY_TIME,
  KHMER_MONTH,
  latinDigitsOnScreen,
  scrollWidth,
  smallPhone,
} from './support/khmer.js';
import { demoInChromium } from './support/lifecycle.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

/**
 * Chromium has no Khmer locale data (Intl resolves 'km' to en-US), so these pages would write
 * "Dec 7, 2026, 6:46 PM" in Khmer if they asked Intl for it: each page is swept, in Khmer, for any
 * Latin digit left on screen.
 */
describe('dates and numbers in Khmer on every page, on a 360 px phone', () => {
  const suite = demoInChromium();
  let context: BrowserContext;
  let page: Page;
  let violations: ReturnType<typeof watchForViolations>;

  beforeEach(async () => {
    context = await smallPhone(suite.browser, suite.demo.baseUrl);
    violations = watchForViolations(context, suite.demo.baseUrl);
    page = await context.newPage();
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await context.close();
  });

  it('writes the dashboard’s Updated line, stock, movements and chart in Khmer digits and month names', async () => {
    const { demo } = suite;
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await page.getByText('ប្រើសោ API').click();
    await page.getByLabel('សោផ្នែកភស្តុភារ').fill(demo.keys.logistics);
    await page.getByRole('button', { name: 'ចូល' }).click();
    const rice = page.locator('#stock td[data-shelter="pp-central"][data-item="rice"]');
    await rice.waitFor();

    expect(await page.locator('#updated').textContent()).toMatch(
      new RegExp(`^ធ្វើបច្ចុប្បន្នភាព ${KHMER_DAY_TIME.source}$`, 'u'),
    );
    expect(await rice.locator('.available').textContent()).toBe('២.៤០០ គីឡូ');
    await page.locator('#chart-shelter').selectOption('pp-central');
    await page.locator('#movements li').first().waitFor();
    expect(await page.locator('#movements li').first().textContent()).toMatch(
      new RegExp(`^${KHMER_DAY_TIME.source} · ទទួលចូល · \\+`, 'u'),
    );
    await page.locator('#chart-item').selectOption('rice');
    // Quantities up the side; along the bottom, times of day (the demo's stock came in moments
    // ago) or days for a longer history.
    const axis = await page.locator('#chart svg text.axis').allTextContents();
    expect(axis.length).toBeGreaterThan(2);
    for (const label of axis) {
      expect(label).toMatch(new RegExp(`^([០-៩.,]+|[០-៩]{2}:[០-៩]{2}|[០-៩]{1,2} ${KHMER_MONTH})$`, 'u'));
    }
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-artifacts/dashboard-phone-km.png', fullPage: true });

    // And back: English digits and month names again, without a reload.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#updated').textContent()).toMatch(
      /^Updated \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}$/,
    );
  });

  it('writes the scanner’s times and quantities in Khmer digits', async () => {
    const { demo } = suite;
    const fresh = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    // Issued after the phone took its list, so the server answers for it.
    const used = await issueVoucher(demo);
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    // The status line may be mid-render when the language changes (a pool count read from
    // IndexedDB): seen once in English just after the click. It must settle in Khmer.
    await expect.poll(() => latinDigitsOnScreen(page), { timeout: 5_000 }).toEqual([]);

    await typeCode(page, fresh.code);
    await waitForState(page, 'ready');
    expect((await screenText(page)).lines).toContain('៥ គីឡូ អង្ករ');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    await page.screenshot({ path: 'test-artifacts/scan-phone-km.png', fullPage: true });

    const redeemed = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code: used.code,
      pickupPointId: 'pp-central-hall',
    });
    expect(redeemed.status).toBe(200);
    await page.getByRole('button', { name: 'ប័ណ្ណបន្ទាប់' }).click();
    await typeCode(page, used.code);
    await waitForState(page, 'already-redeemed');
    expect((await screenText(page)).detail).toMatch(new RegExp(`ពេល ${KHMER_DAY_TIME.source}`, 'u'));
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
  });
});
