import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phone, watchForViolations } from './support/browser.js';
import { demoInChromium } from './support/lifecycle.js';

/**
 * Four households, one per language the slips add to English and Khmer, five without, one bad row:
 * nine slips, so a full sheet of eight and a second one.
 */
const csv = [
  'beneficiaryRef,householdSize,shelterId,language',
  'E2E-COORD-VI,4,pp-central,vi',
  'E2E-COORD-TH,2,pp-central,th',
  'E2E-COORD-ZH,5,pp-central,zh',
  'E2E-COORD-ID,1,pp-central,id',
  'E2E-COORD-NONE,3,pp-central,',
  'E2E-COORD-BAD,0,pp-central,vi',
  'E2E-COORD-N2,2,pp-central,',
  'E2E-COORD-N3,2,pp-central,',
  'E2E-COORD-N4,1,pp-central,',
  'E2E-COORD-N5,1,pp-central,',
  '',
].join('\n');

const languages = ['vi', 'th', 'zh', 'id'] as const;

async function signIn(page: Page, key: string) {
  await page.goto('/coordinator');
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#templates input[data-template="rice"]').waitFor();
}

interface SlipGeometry {
  outside: string[];
  overflows: boolean;
  codeLines: number;
  width: number;
  height: number;
}

/**
 * Every slip's content inside its dashed cut line (0.5 px of rounding allowed), nothing clipped,
 * its code one line high. Run in the page (a string: this file is type-checked without the DOM).
 */
function slipGeometry(page: Page): Promise<SlipGeometry[]> {
  return page.evaluate(`[...document.querySelectorAll('.slip')].map((slip) => {
    const box = slip.getBoundingClientRect();
    const outside = [...slip.querySelectorAll('*')]
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.left < box.left - 0.5 || rect.top < box.top - 0.5 ||
          rect.right > box.right + 0.5 || rect.bottom > box.bottom + 0.5;
      })
      .map((element) => element.tagName + '.' + element.getAttribute('class'));
    const code = slip.querySelector('.slip-code');
    const lineHeight = Number.parseFloat(getComputedStyle(code).lineHeight);
    return {
      outside,
      overflows: slip.scrollHeight > slip.clientHeight || slip.scrollWidth > slip.clientWidth,
      codeLines: Math.round(code.getBoundingClientRect().height / lineHeight),
      width: box.width,
      height: box.height,
    };
  })`);
}

describe('/coordinator: a coordinator runs a round from a CSV to printed slips and reconciliation', () => {
  const suite = demoInChromium();
  let context: BrowserContext;
  let page: Page;
  let violations: ReturnType<typeof watchForViolations>;

  beforeEach(async () => {
    // A desktop in London: the slips must still say Phnom Penh time.
    context = await suite.browser.newContext({
      baseURL: suite.demo.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      serviceWorkers: 'block',
      // Screenshots sharp enough to read the small print.
      deviceScaleFactor: 2,
    });
    violations = watchForViolations(context, suite.demo.baseUrl);
    page = await context.newPage();
    // window.print() would open the print dialog; the test prints by emulating print media.
    await page.addInitScript(`window.print = () => { document.body.dataset.printed = 'yes'; };`);
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await context.close();
  });

  it('creates a round from templates, uploads a CSV, forecasts, issues, prints 8-a-sheet slips and reconciles', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);

    await page.locator('#round-name').fill('E2E December round');
    await page.locator('#round-shelter').selectOption('pp-central');
    expect(await page.locator('#templates input[data-template]').count()).toBe(5);
    await page.getByRole('button', { name: 'Create round' }).click();
    await page.locator('#round-status', { hasText: 'draft' }).waitFor();

    await page.locator('#csv-file').setInputFiles({
      name: 'households.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect.poll(() => page.locator('#csv').inputValue()).toBe(csv);

    await page.getByRole('button', { name: 'See forecast' }).click();
    const forecastRice = page.locator('#forecast-table tr[data-item="rice"] td');
    await forecastRice.first().waitFor();

    await page.getByRole('button', { name: 'Open and issue' }).click();
    await page.locator('#results-table tr[data-outcome]').first().waitFor();
    expect(await page.locator('#results-summary').textContent()).toBe(
      '9 issued, 0 already issued, 1 refused',
    );
    expect(await page.locator('#results-table tr[data-row="6"]').getAttribute('data-outcome')).toBe(
      'refused',
    );
    await page.locator('#round-status', { hasText: 'open' }).waitFor();

    // The forecast's rice is what the nine vouchers hold (21 people, 14 days, 0.4 kg).
    const riceNeeded = await forecastRice.nth(1).textContent();
    expect(riceNeeded).toBe('117.6');

    const rice = page.locator('#reconciliation-table tr[data-item="rice"] td');
    await rice.first().waitFor();
    expect((await rice.allTextContents()).slice(1)).toEqual(['9', '0', '0', '0', '9', '0', 'yes']);

    // One household collects at the gate; the coordinator follows it.
    const code = await page.locator('#results-table tr[data-row="1"] td').nth(2).textContent();
    const redeemed = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code,
      pickupPointId: 'pp-central-gate',
    });
    expect(redeemed.status).toBe(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('#reconciliation-table tr[data-item="rice"] td', { hasText: /^1$/ }).first().waitFor();
    expect((await rice.allTextContents()).slice(1)).toEqual(['9', '1', '0', '0', '8', '22.4', 'yes']);

    await page.getByRole('button', { name: 'Print slips' }).click();
    await page.locator('body[data-printed="yes"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sheet-page').count()).toBe(2);
    expect(await page.locator('.sheet-page').first().locator('.slip').count()).toBe(8);
    expect(await page.locator('.slip').count()).toBe(9);
    // Chromium's own print layout: two A4 pages, so eight slips do fit on one.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(2);
    // A4 is 595 x 842 points.
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]/);
    expect(await page.locator('#view-rounds').isVisible()).toBe(false);

    const geometry = await slipGeometry(page);
    for (const slip of geometry) {
      expect(slip).toMatchObject({ outside: [], overflows: false, codeLines: 1 });
      // 97 x 70 mm at 96 px an inch.
      expect(slip.width).toBeCloseTo((97 / 25.4) * 96, 0);
      expect(slip.height).toBeCloseTo((70 / 25.4) * 96, 0);
    }

    const slips = page.locator('.slip');
    for (const language of languages) {
      const slip = slips.filter({ has: page.locator(`p[data-lang="${language}"]`) });
      expect(await slip.count()).toBe(1);
      expect(await slip.getAttribute('data-languages')).toBe(`en km ${language}`);
      const text = (await slip.textContent()) ?? '';
      // Round from today 00:00 to 13 days later 23:59, Phnom Penh time, whatever the browser's zone.
      expect(text).toMatch(/Valid from \d{4}-\d{2}-\d{2} 00:00 until \d{4}-\d{2}-\d{2} 23:59/);
      expect(text).toContain('ប័ណ្ណចែកជំនួយ');
      await slip.screenshot({ path: `test-artifacts/coordinator-slip-${language}.png` });
    }
    expect(await page.locator('.slip[data-languages="en km"]').count()).toBe(5);
    await page.locator('.sheet-page').first().screenshot({ path: 'test-artifacts/coordinator-sheet.png' });
  });

  it('fits a phone, in Khmer: no sideways scrolling, the steps in Khmer', async () => {
    const handset = await phone(suite.browser, suite.demo.baseUrl);
    const seen = watchForViolations(handset, suite.demo.baseUrl);
    const small = await handset.newPage();
    await signIn(small, suite.demo.keys.coordinator);
    await small.locator('#lang').click();

    expect(await small.locator('h1').textContent()).toBe('ជុំចែកចាយ');
    expect(await small.getByRole('button', { name: 'បង្កើតជុំ' }).isVisible()).toBe(true);
    // The phone's 390 px, not a layout viewport widened to fit what sticks out.
    expect(await small.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await small.locator('#templates label').first().textContent()).toContain('អង្ករ');
    await small.screenshot({ path: 'test-artifacts/coordinator-phone-km.png', fullPage: true });
    expect(seen).toEqual({ elsewhere: [], blockedByCsp: [] });
    await handset.close();
  });

  it('refuses a logistics key, which cannot run rounds', async () => {
    await page.goto('/coordinator');
    await page.locator('#signin-key').fill(suite.demo.keys.logistics);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#signin-error', { hasText: 'This is not a coordinator key.' }).waitFor();
    expect(await page.locator('#view-rounds').isHidden()).toBe(true);
  });
});
