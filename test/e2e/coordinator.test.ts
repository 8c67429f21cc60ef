import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchForViolations } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { KHMER_DAY, latinDigitsOnScreen, scrollWidth, smallPhone } from './support/khmer.js';
import { demoInChromium } from './support/lifecycle.js';
import { openKeyForm } from './support/sign-in.js';

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

/** A list of `count` households of `size` people, for one shelter. */
function households(prefix: string, count: number, size: number) {
  return [
    'beneficiaryRef,householdSize,shelterId,language',
    ...Array.from({ length: count }, (_, i) => `${prefix}-${i + 1},${size},,`),
  ].join('\n');
}

async function signIn(page: Page, key: string) {
  await page.goto('/coordinator');
  await openKeyForm(page);
  await page.getByLabel('Coordinator key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your rounds' }).waitFor();
}

/** Fills in the new round's form as a coordinator does, ticking the rations named. */
async function createRound(page: Page, round: { name: string; shelter: string; rations: RegExp[] }) {
  await page.getByLabel('Name', { exact: true }).fill(round.name);
  await page.getByLabel('Shelter').selectOption(round.shelter);
  for (const ration of round.rations) await page.getByRole('checkbox', { name: ration }).check();
  await page.getByRole('button', { name: 'Create round' }).click();
  await page.getByRole('heading', { name: round.name }).waitFor();
}

async function pasteList(page: Page, csv: string) {
  await page.getByLabel('Household list (CSV)').fill(csv);
}

/** The coordinator's rounds as the server has them now. */
async function roundsOnServer(demo: DemoServer): Promise<Array<{ name: string; status: string }>> {
  const listed = await demo.http('GET', '/v1/rounds?limit=200', demo.keys.coordinator);
  return (listed.body as { items: Array<{ name: string; status: string }> }).items;
}

async function roundStatus(demo: DemoServer, name: string): Promise<string | undefined> {
  return (await roundsOnServer(demo)).find((round) => round.name === name)?.status;
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
        // An SVG's <title> is the QR code's accessible name: never drawn, so it has no place.
        if (element.tagName === 'title') return false;
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

    // Every template the catalogue allows is offered, none ticked for the coordinator.
    expect(await page.getByRole('checkbox').count()).toBe(5);
    expect(await page.locator('#template-boxes input:checked').count()).toBe(0);
    // The cap is the rule's own data, shown as the server will compute it.
    expect(await page.getByRole('checkbox', { name: /^Drinking water:/ }).count()).toBe(1);
    expect(await page.locator('#template-boxes label').allTextContents()).toContain(
      'Drinking water: 15 L a person a day, at most 300 L a household',
    );
    await createRound(page, {
      name: 'E2E December round',
      shelter: 'pp-central',
      rations: [/^Rice:/, /^Drinking water:/, /^Mosquito net:/, /^Sleeping mat:/, /^Soap:/],
    });
    expect(await page.locator('#round-meta').textContent()).toBe('draft · rules version 1');

    await page.locator('#csv-file').setInputFiles({
      name: 'households.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect.poll(() => page.locator('#csv').inputValue()).toBe(csv);

    await page.getByRole('button', { name: 'See forecast' }).click();
    const forecastRice = page.locator('#forecast-table tr[data-item="rice"] td');
    await forecastRice.first().waitFor();
    // The forecast's rice is what the nine vouchers hold (21 people, 14 days, 0.4 kg).
    expect(await forecastRice.nth(1).textContent()).toBe('117.6 kg');
    // Water is capped at 300 L a household: six households at the cap, three of one person (210 L).
    expect(await page.locator('#forecast-table tr[data-item="water"] td').nth(1).textContent()).toBe(
      '2,430 L',
    );
    // The bad row is named before anything is issued, with its reason.
    expect(await page.locator('#forecast-refused-list li').allTextContents()).toEqual([
      expect.stringMatching(/^Row 6: not valid \(householdSize: /),
    ]);

    // The stock covers every household: the round opens and issues with no further question.
    await page.getByRole('button', { name: 'Open and issue' }).click();
    await page.locator('#results-table tr[data-outcome]').first().waitFor();
    expect(await page.locator('#check').isHidden()).toBe(true);
    expect(await page.locator('#results-summary').textContent()).toBe(
      '9 issued, 0 already issued, 1 refused',
    );
    expect(await page.locator('#refused-list li').allTextContents()).toEqual([
      expect.stringMatching(/^Row 6: not valid \(householdSize: /),
    ]);
    expect(await page.locator('#results-table tr[data-outcome="issued"]').count()).toBe(9);
    expect(await page.locator('#round-meta').textContent()).toBe('open · rules version 1');
    expect(await roundStatus(demo, 'E2E December round')).toBe('open');

    const rice = page.locator('#reconciliation-table tr[data-item="rice"] td');
    await rice.first().waitFor();
    expect((await rice.allTextContents()).slice(1)).toEqual(['9', '0', '0', '0', '9', '0', 'yes']);

    // One household collects at the gate; the coordinator follows it.
    const code = await page.locator('#results-table tr[data-row="1"] td').nth(1).textContent();
    const redeemed = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code,
      pickupPointId: 'pp-central-gate',
    });
    expect(redeemed.status).toBe(200);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('#reconciliation-table tr[data-item="rice"] td', { hasText: /^1$/ }).first().waitFor();
    expect((await rice.allTextContents()).slice(1)).toEqual(['9', '1', '0', '0', '8', '22.4', 'yes']);
    await page.screenshot({ path: 'test-artifacts/coordinator-issued.png', fullPage: true });

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

  it('ticks no ration for the coordinator, and refuses a round with none ticked, saying so beside the rations', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);
    expect(await page.locator('#template-boxes input:checked').count()).toBe(0);
    const before = (await roundsOnServer(demo)).length;

    await page.getByRole('button', { name: 'Create round' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Enter a name for the round.',
      'Choose at least one ration.',
    ]);
    expect(await page.locator('#templates-error').textContent()).toBe('Choose at least one ration.');
    // The summary's link takes the keyboard to the rations.
    await summary.getByRole('link', { name: 'Choose at least one ration.' }).click();
    expect(await page.evaluate('document.activeElement.value')).toBe('rice');
    expect(page.url()).not.toContain('#');
    await page.screenshot({ path: 'test-artifacts/coordinator-errors.png', fullPage: true });
    expect((await roundsOnServer(demo)).length).toBe(before);
  });

  it('refuses an empty list before opening the round, and a list of bad rows naming each one', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);
    await createRound(page, { name: 'E2E empty list', shelter: 'pp-central', rations: [/^Rice:/] });

    await page.getByRole('button', { name: 'Open and issue' }).click();
    await page.locator('#csv-error', { hasText: 'The list has no households' }).waitFor();
    expect(await page.locator('#round-meta').textContent()).toBe('draft · rules version 1');

    await pasteList(page, 'beneficiaryRef,householdSize\nE2E-EMPTY-1,0\nE2E-EMPTY-1,abc\n');
    await page.getByRole('button', { name: 'Open and issue' }).click();
    await page
      .locator('#csv-error', { hasText: 'No household on this list can receive a voucher' })
      .waitFor();
    expect(await page.locator('#forecast-refused-list li').allTextContents()).toEqual([
      expect.stringMatching(/^Row 1: not valid \(householdSize: /),
      expect.stringMatching(/^Row 2: not valid \(householdSize: /),
    ]);
    expect(await roundStatus(demo, 'E2E empty list')).toBe('draft');
    expect(await page.locator('#round-meta').textContent()).toBe('draft · rules version 1');
  });

  it('does not open a round whose every household the stock cannot cover', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);
    // Chbar Ampov has no sleeping mats at all: each of the 20 households would be refused.
    await createRound(page, { name: 'E2E no mats', shelter: 'chbar-ampov', rations: [/^Sleeping mat:/] });
    await pasteList(page, households('E2E-NOMAT', 20, 2));

    await page.getByRole('button', { name: 'Open and issue' }).click();

    await page.locator('#csv-error', { hasText: 'The stock covers none of these households' }).waitFor();
    expect(await page.locator('#check').isHidden()).toBe(true);
    expect(await page.locator('#forecast-table tr[data-item="sleeping-mat"] td').allTextContents()).toEqual([
      'Sleeping mat',
      '40',
      '0',
      '40',
      '–',
    ]);
    expect(await roundStatus(demo, 'E2E no mats')).toBe('draft');
  });

  it('asks before a partial issue, opens nothing until confirmed, then shows every refused row with its reason', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);
    // 60 nets at Chbar Ampov, three for each household of eight: 20 of the 25 households.
    await createRound(page, {
      name: 'E2E short of nets',
      shelter: 'chbar-ampov',
      rations: [/^Mosquito net:/],
    });
    await pasteList(page, households('E2E-NETS', 25, 8));

    await page.getByRole('button', { name: 'Open and issue' }).click();

    const check = page.locator('#check');
    await check.getByRole('heading', { name: 'Stock does not cover every household' }).waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('check-title');
    expect(await check.locator('#check-facts li').allTextContents()).toEqual([
      'Stock covers 20 of the 25 households that would receive a voucher; the other 5 would be refused for lack of stock.',
    ]);
    expect(await check.locator('#check-short li').allTextContents()).toEqual([
      'Mosquito net: 75 needed, 60 available, 15 short',
    ]);
    expect(await check.getByText('Opening the round freezes its rations').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-artifacts/coordinator-check.png', fullPage: true });
    expect(await roundStatus(demo, 'E2E short of nets')).toBe('draft');

    // Going back changes nothing.
    await page.getByRole('button', { name: 'Change the list' }).click();
    expect(await check.isHidden()).toBe(true);
    expect(await roundStatus(demo, 'E2E short of nets')).toBe('draft');

    await page.getByRole('button', { name: 'Open and issue' }).click();
    await page.getByRole('button', { name: 'Open the round and issue what stock covers' }).click();

    await page.locator('#results-summary', { hasText: 'issued' }).waitFor();
    expect(await page.locator('#results-summary').textContent()).toBe(
      '20 issued, 0 already issued, 5 refused',
    );
    const refused = await page.locator('#refused-list li').allTextContents();
    expect(refused).toHaveLength(5);
    for (const line of refused) {
      // Groups of households are issued side by side: which five are refused is not fixed.
      expect(line).toMatch(/^Row \d+: not enough stock: Mosquito net \(needs 3, 0 available\)$/);
    }
    expect(await roundStatus(demo, 'E2E short of nets')).toBe('open');
    expect(await page.locator('#round-meta').textContent()).toBe('open · rules version 1');
  });

  it('lists the rounds made and reopens any of them, after a reload too', async () => {
    const { demo } = suite;
    await signIn(page, demo.keys.coordinator);
    await createRound(page, {
      name: 'E2E January round',
      shelter: 'ta-khmau',
      rations: [/^Rice:/, /^Soap:/],
    });
    await page.getByRole('button', { name: 'All rounds' }).click();
    await createRound(page, { name: 'E2E February round', shelter: 'pp-central', rations: [/^Rice:/] });

    await page.reload();
    const list = page.locator('#rounds');
    // The address named the February round: the reload shows it again.
    await page.getByRole('heading', { name: 'E2E February round' }).waitFor();
    await page.getByRole('button', { name: 'All rounds' }).click();
    await list.getByRole('link', { name: 'E2E January round' }).waitFor();
    const january = list.locator('li', { has: page.getByRole('link', { name: 'E2E January round' }) });
    expect(await january.textContent()).toMatch(
      /E2E January round draft\d{1,2} \w{3,4} \d{4} to \d{1,2} \w{3,4} \d{4} · Ta Khmau Safe House/,
    );

    await page.reload();
    await list.getByRole('link', { name: 'E2E January round' }).click();
    await page.getByRole('heading', { name: 'E2E January round' }).waitFor();
    expect(await page.locator('#round-rules li').allTextContents()).toEqual([
      'Rice: 0.4 kg a person a day',
      'Soap: 2 packs a person a month',
    ]);
    expect(await page.evaluate('document.activeElement.id')).toBe('round-title');
    await page.reload();
    await page.getByRole('heading', { name: 'E2E January round' }).waitFor();
    expect(await page.locator('#round-meta').textContent()).toBe('draft · rules version 1');
    // Back in the browser's history is back to the list.
    await page.goBack();
    await list.getByRole('link', { name: 'E2E February round' }).waitFor();
  });

  it('works on a 360 px phone in Khmer: a partial issue checked and confirmed, every date and number in Khmer', async () => {
    const handset = await smallPhone(suite.browser, suite.demo.baseUrl);
    const seen = watchForViolations(handset, suite.demo.baseUrl);
    const small = await handset.newPage();
    await signIn(small, suite.demo.keys.coordinator);
    await small.getByRole('button', { name: 'ខ្មែរ' }).click();

    expect(await small.locator('h1').textContent()).toBe('ជុំចែកចាយ');
    expect(await small.locator('#template-boxes label').first().textContent()).toBe(
      'អង្ករ: ០,៤ គីឡូ ក្នុងម្នាក់ក្នុងមួយថ្ងៃ',
    );
    expect(await small.locator('#round-from-shown').textContent()).toMatch(KHMER_DAY);
    expect(await latinDigitsOnScreen(small)).toEqual([]);
    expect(await scrollWidth(small)).toBeLessThanOrEqual(360);
    await small.screenshot({ path: 'test-artifacts/coordinator-phone-km.png', fullPage: true });

    // Ta Khmau's 150 packs of soap, eight for each household of eight over two weeks: 18 of 20.
    await small.getByLabel('ឈ្មោះ', { exact: true }).fill('E2E ជុំខ្មែរ');
    await small.getByLabel('ទីជម្រក').selectOption('ta-khmau');
    await small.getByRole('checkbox', { name: /^សាប៊ូ:/ }).check();
    await small.getByRole('button', { name: 'បង្កើតជុំ' }).click();
    await small.getByRole('heading', { name: 'E2E ជុំខ្មែរ' }).waitFor();
    expect(await small.locator('#round-validity').textContent()).toMatch(
      new RegExp(`^${KHMER_DAY.source} ដល់ ${KHMER_DAY.source} · Ta Khmau Safe House$`, 'u'),
    );
    await small.getByLabel('បញ្ជីគ្រួសារ (CSV)').fill(households('E2E-KM', 20, 8));
    await small.getByRole('button', { name: 'បើក និងចេញប័ណ្ណ' }).click();
    await small.getByRole('heading', { name: 'ស្តុកមិនគ្រប់សម្រាប់គ្រប់គ្រួសារទេ' }).waitFor();
    expect(await small.locator('#check-short li').allTextContents()).toEqual([
      'សាប៊ូ៖ ត្រូវការ ១៦០ កញ្ចប់ មាន ១៥០ កញ្ចប់ ខ្វះ ១០ កញ្ចប់',
    ]);
    expect(await latinDigitsOnScreen(small)).toEqual([]);
    expect(await scrollWidth(small)).toBeLessThanOrEqual(360);
    await small.screenshot({ path: 'test-artifacts/coordinator-phone-km-check.png', fullPage: true });

    await small.getByRole('button', { name: 'បើកជុំ ហើយចេញប័ណ្ណតាមស្តុកដែលមាន' }).click();
    await small.locator('#results-summary', { hasText: 'បានចេញ' }).waitFor();
    expect(await small.locator('#results-summary').textContent()).toBe('បានចេញ ១៨ ចេញរួចហើយ ០ បដិសេធ ២');
    expect(await small.locator('#refused-list li').first().textContent()).toBe(
      'ជួរ ១៩: ស្តុកមិនគ្រប់៖ សាប៊ូ (ត្រូវការ ៨ កញ្ចប់ មាន ៦ កញ្ចប់)',
    );
    await small.locator('#reconciliation-table tr[data-item="soap"]').waitFor();
    expect(await latinDigitsOnScreen(small)).toEqual([]);
    expect(await scrollWidth(small)).toBeLessThanOrEqual(360);
    await small.screenshot({ path: 'test-artifacts/coordinator-phone-km-issued.png', fullPage: true });
    expect(seen).toEqual({ elsewhere: [], blockedByCsp: [] });
    await handset.close();
  });

  it('refuses a logistics key, which cannot run rounds', async () => {
    await page.goto('/coordinator');
    await openKeyForm(page);
    await page.locator('#signin-key').fill(suite.demo.keys.logistics);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#signin-error', { hasText: 'This is not a coordinator key.' }).waitFor();
    expect(await page.locator('#view-rounds').isHidden()).toBe(true);
  });
});
