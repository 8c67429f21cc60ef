import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phone, watchForViolations } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';
import { signInToScan, typeCode, waitForState } from './support/scan-page.js';

/** The smallest phone a volunteer is likely to hold. */
const SMALL_PHONE = { width: 360, height: 740 };

/** Eight items, every one the demo shelter stocks and cooking oil besides. */
const EIGHT_LINES = [
  { itemId: 'rice', quantity: 5 },
  { itemId: 'canned-fish', quantity: 6 },
  { itemId: 'water', quantity: 30 },
  { itemId: 'blanket', quantity: 2 },
  { itemId: 'sleeping-mat', quantity: 1 },
  { itemId: 'mosquito-net', quantity: 2 },
  { itemId: 'soap', quantity: 3 },
  { itemId: 'cooking-oil', quantity: 2 },
];

/** Whether the element is wholly on screen as the page stands: nothing to scroll to see it. */
async function whollyInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (box === null || viewport === null) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
  );
}

describe('/scan on a 360x740 phone: a long voucher fits the screen', () => {
  const suite = demoInChromium();
  let page: Page;
  let violations: ReturnType<typeof watchForViolations>;

  beforeAll(async () => {
    const { demo } = suite;
    const item = await demo.http('POST', '/v1/items', demo.keys.admin, {
      id: 'cooking-oil',
      name: 'Cooking oil',
      nameKm: 'ប្រេងឆា',
      category: 'food',
      unit: 'L',
    });
    expect(item.status).toBe(201);
    const receipt = await demo.http('POST', '/v1/shelters/pp-central/receipts', demo.keys.logistics, {
      source: 'E2E donor',
      lines: [{ itemId: 'cooking-oil', quantity: 200 }],
    });
    expect(receipt.status).toBe(201);
  });
  beforeEach(async () => {
    const context = await phone(suite.browser, suite.demo.baseUrl, { viewport: SMALL_PHONE });
    violations = watchForViolations(context, suite.demo.baseUrl);
    page = await context.newPage();
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await page.context().close();
  });

  for (const language of ['English', 'Khmer'] as const) {
    it(`shows all eight lines and the hand-over button without scrolling, then "Handed over" (${language})`, async () => {
      const { demo } = suite;
      const voucher = await issueVoucher(demo, { lines: EIGHT_LINES });
      await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
      if (language === 'Khmer') await page.getByRole('button', { name: 'ខ្មែរ' }).click();
      const handOver = page.getByRole('button', { name: language === 'Khmer' ? 'បានប្រគល់' : 'Handed over' });

      await typeCode(page, voucher.code);
      await waitForState(page, 'ready');

      const lines = page.locator('#lines li');
      expect(await lines.count()).toBe(8);
      await page.screenshot({ path: `test-artifacts/scan-eight-lines-${language}.png` });
      for (const line of await lines.all()) expect(await whollyInView(page, line)).toBe(true);
      expect(await whollyInView(page, page.locator('#state-title'))).toBe(true);
      expect(await whollyInView(page, handOver)).toBe(true);
      await page.screenshot({ path: `test-artifacts/scan-eight-lines-${language}.png` });

      await handOver.click();
      await waitForState(page, 'redeemed');
      expect(await whollyInView(page, page.locator('#state-title'))).toBe(true);
      await page.screenshot({ path: `test-artifacts/scan-eight-lines-handed-${language}.png` });
    });
  }
});
