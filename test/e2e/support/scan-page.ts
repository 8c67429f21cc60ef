import type { Page } from 'playwright-core';
import { openKeyForm } from './sign-in.js';

/** Driving /scan as a volunteer does: by the labels and buttons on screen. */
export async function signInToScan(page: Page, key: string, pickupPointId: string): Promise<void> {
  await page.goto('/scan');
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator(`#point input[value="${pickupPointId}"]`).check();
  await page.locator('#point-form button[type=submit]').click();
  await page.locator('#view-scan').waitFor({ state: 'visible' });
  // The phone takes its pack right after: a voucher issued before this is in its pool (handed
  // over through the outbox), one issued after is not until the next refresh (checked online).
  await page.locator('#status-line[data-pack]').waitFor({ state: 'attached' });
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator('#code').fill(code);
  await page.locator('#code-form button[type=submit]').click();
}

/** Waits until the voucher screen shows this state (redeemed, already-redeemed, ready...). */
export async function waitForState(page: Page, kind: string, timeout = 15_000): Promise<void> {
  await page.locator(`#state[data-kind="${kind}"]`).waitFor({ state: 'visible', timeout });
}

/** The voucher screen as read out: title, detail and each line as "quantity name". */
export async function screenText(page: Page): Promise<{ title: string; detail: string; lines: string[] }> {
  const quantities = await page.locator('#lines .quantity').allTextContents();
  const names = await page.locator('#lines .name').allTextContents();
  return {
    title: (await page.locator('#state-title').textContent()) ?? '',
    detail: (await page.locator('#state-detail').textContent()) ?? '',
    lines: quantities.map((quantity, i) => `${quantity} ${names[i] ?? ''}`),
  };
}
