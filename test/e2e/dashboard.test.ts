import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { measureTransfer } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { phonePerTest } from './support/lifecycle.js';
import { openKeyForm } from './support/sign-in.js';

const cell = (page: Page, shelterId: string, itemId: string) =>
  page.locator(`#stock td[data-shelter="${shelterId}"][data-item="${itemId}"]`);

async function signInToDashboard(page: Page, key: string) {
  await page.goto('/dashboard');
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await cell(page, 'pp-central', 'rice').waitFor({ state: 'visible' });
}

describe('/dashboard: a logistics lead follows stock on a phone', () => {
  const phone = phonePerTest();

  it('shows the stock go down after a redemption: table, vouchers today, movements and chart', async () => {
    const { demo, page } = phone;
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
    const { demo, page } = phone;
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
    const { demo, page } = phone;
    await page.goto('/dashboard');
    await openKeyForm(page);
    await page.locator('#signin-key').fill(demo.keys.volunteer);
    await page.locator('#signin-form button[type=submit]').click();

    await page.locator('#signin-error', { hasText: 'This key cannot read stock.' }).waitFor();
    expect(await page.evaluate('localStorage.length')).toBe(0);
  });

  it('finishes a refresh under way at sign-out with the key it began with, and says nothing of it', async () => {
    const { demo, page } = phone;
    await signInToDashboard(page, demo.keys.logistics);
    // The next refresh's stock listing waits until the lead has signed out.
    let signedOut = () => {};
    const held = new Promise<void>((resolve) => {
      signedOut = resolve;
    });
    await page.route('**/v1/stock?*', async (route) => {
      await held;
      await route.continue();
    });
    const ledger = page.waitForRequest('**/movements?order=desc*');

    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    signedOut();

    expect((await ledger).headers().authorization).toBe(`Bearer ${demo.keys.logistics}`);
    await (await (await ledger).response())?.finished();
    expect(await page.locator('#signin-error').textContent()).toBe('');
    expect(await page.locator('#view-board').isHidden()).toBe(true);
  });
});
