import { mkdir, writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, measureTransfer, phone, watchForViolations } from './support/browser.js';
import { type DemoServer, issueVoucher, serveDemo } from './support/demo-server.js';

const cell = (page: Page, shelterId: string, itemId: string) =>
  page.locator(`#stock td[data-shelter="${shelterId}"][data-item="${itemId}"]`);

async function signInToDashboard(page: Page, key: string) {
  await page.goto('/dashboard');
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await cell(page, 'pp-central', 'rice').waitFor({ state: 'visible' });
}

describe('/dashboard: a logistics lead follows stock on a phone', () => {
  let demo: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: ReturnType<typeof watchForViolations>;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([serveDemo(), launchChromium()]);
    await mkdir('test-artifacts', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    context = await phone(browser, demo.baseUrl);
    violations = watchForViolations(context, demo.baseUrl);
    page = await context.newPage();
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await context.close();
  });

  it('shows the stock go down after a redemption: table, vouchers today, movements and chart', async () => {
    const transfer = measureTransfer(page);
    await signInToDashboard(page, demo.keys.logistics);
    const figures = await cell(page, 'pp-central', 'rice').locator('.sub').textContent();
    expect(figures?.replace(/\s/g, ' ')).toBe('on hand 2,400 · reserved 0');
    const voucher = await issueVoucher(demo);
    const redeemed = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code: voucher.code,
      pickupPointId: 'pp-central-gate',
    });
    expect(redeemed.status).toBe(200);

    await page.getByRole('button', { name: 'Refresh' }).click();

    await page
      .locator('#stock td[data-shelter="pp-central"][data-item="rice"] .sub', { hasText: '2,395' })
      .waitFor();
    expect(await cell(page, 'pp-central', 'rice').locator('.available').textContent()).toBe('2,395 kg');
    expect(await page.locator('#today tr[data-shelter="pp-central"] td').allTextContents()).toEqual([
      '1',
      '1',
    ]);
    await page.locator('#chart-shelter').selectOption('pp-central');
    await page.locator('#movements li[data-type="distribution"]').waitFor();
    expect(await page.locator('#movements li').first().textContent()).toContain('Handed out · -5 kg Rice');
    await page.locator('#chart-item').selectOption('rice');
    expect(await page.locator('#chart svg .latest').textContent()).toBe('2,395 kg');
    const received = await transfer();
    expect(received.pageBytes).toBeLessThan(150 * 1024);
    await writeFile('test-artifacts/transfer-dashboard.json', JSON.stringify(received, null, 2));
  });

  it('highlights low stock and a shortfall, with days of cover', async () => {
    await demo.http('PUT', '/v1/shelters/chbar-ampov/stock/mosquito-net/threshold', demo.keys.logistics, {
      lowStockThreshold: 100,
    });
    // Soap promised to a voucher, then most of it found damaged: more reserved than on hand.
    await issueVoucher(demo, { shelterId: 'ta-khmau', lines: [{ itemId: 'soap', quantity: 100 }] });
    await demo.http('POST', '/v1/shelters/ta-khmau/adjustments', demo.keys.logistics, {
      reason: 'damaged',
      lines: [{ itemId: 'soap', quantity: -120 }],
    });

    await signInToDashboard(page, demo.keys.logistics);

    expect(await cell(page, 'chbar-ampov', 'mosquito-net').getAttribute('class')).toBe('low');
    expect(await cell(page, 'ta-khmau', 'soap').getAttribute('class')).toBe('short');
    expect(await cell(page, 'ta-khmau', 'soap').locator('.available').textContent()).toBe('-70 packs');
    expect(await cell(page, 'pp-central', 'water').locator('.days').textContent()).toMatch(/^[\d.,]+ days$/);
    await page.locator('#chart-shelter').selectOption('pp-central');
    await page.locator('#movements li').first().waitFor();
    await page.locator('#chart-item').selectOption('rice');
    await page.screenshot({ path: 'test-artifacts/dashboard.png', fullPage: true });
  });

  it('refuses a volunteer key, which cannot read stock', async () => {
    await page.goto('/dashboard');
    await page.locator('#signin-key').fill(demo.keys.volunteer);
    await page.locator('#signin-form button[type=submit]').click();

    await page.locator('#signin-error', { hasText: 'This key cannot read stock.' }).waitFor();
    expect(await page.evaluate('localStorage.length')).toBe(0);
  });
});
