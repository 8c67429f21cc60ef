import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { phone as newContext } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { signInToDesk } from './support/desk-page.js';
import { latinDigitsOnScreen, scrollWidth } from './support/khmer.js';
import { balancesAgainstLedger } from './support/ledger-api.js';

const LAPTOP = { width: 1280, height: 800 };
const CENTRAL = 'Phnom Penh Central Shelter';
const CHBAR_AMPOV = 'Chbar Ampov Transit Shelter';

/**
 * A target of 3 days for rice: Phnom Penh Central holds more than 5 days of it (2,400 kg for 950
 * people at 0.45 kg a day), Chbar Ampov about 2 (300 kg for 310): the plan moves rice there.
 */
async function askPlan(page: Page, days: string, item = 'Rice') {
  const section = page.locator('#desk-plan');
  await section.getByLabel('Days of cover to reach').fill(days);
  await section.getByLabel('Item').selectOption({ label: item });
  await section.getByRole('button', { name: 'Show the plan' }).click();
  return section;
}

async function outgoingFromCentral(demo: DemoServer) {
  const listed = await demo.http(
    'GET',
    '/v1/transfers?shelterId=pp-central&direction=outgoing&status=in_transit&limit=200',
    demo.keys.logistics,
  );
  return listed.body.items as Array<{
    toShelterId: string;
    lines: Array<{ itemId: string; quantity: number }>;
  }>;
}

describe('/desk#plan on a 360x740 phone: suggested transfers and the needs report', () => {
  const lead = accessiblePhonePerTest('desk-plan', 'en');

  it('shows each suggestion with both ends’ days of cover, turns one into the dispatch form filled in, and sends it once on a double press; every balance equals its ledger', async () => {
    const { demo, page, check } = lead;
    const before = await outgoingFromCentral(demo);
    await signInToDesk(page, demo.keys.logistics, '/desk#plan');
    const section = await askPlan(page, '3');
    const suggestion = section
      .getByRole('listitem')
      .filter({ hasText: /^Move \d[\d,]*\skg Rice/ })
      .first();
    await suggestion.waitFor();
    const text = (await suggestion.textContent()) ?? '';
    expect(text).toMatch(/From Phnom Penh Central Shelter: 5\.6 days → \d+(\.\d)? days of cover/);
    expect(text).toMatch(/To Chbar Ampov Transit Shelter: 2\.1 days → \d+(\.\d)? days of cover/);
    // What each shelter lacks, for donors.
    await section
      .getByRole('heading', { name: 'What each shelter lacks to reach 3 days (for donors)' })
      .waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('suggestions');

    const quantity = Number(/^Move (\d[\d,]*)\skg Rice/.exec(text)?.[1]?.replace(',', ''));
    expect(quantity).toBeGreaterThan(0);
    await suggestion
      .getByRole('button', { name: /^Dispatch this: .* Rice to Chbar Ampov Transit Shelter$/ })
      .click();

    // The Transfer section's form, filled in: the lead checks it and sends.
    const transfer = page.locator('#desk-transfer');
    await transfer.getByRole('heading', { name: 'Send goods to another shelter' }).waitFor();
    const rice = transfer.getByRole('group', { name: 'Rice' });
    await rice.waitFor();
    expect(await rice.getByLabel('How many to send').inputValue()).toBe(String(quantity));
    expect(await transfer.getByLabel('From', { exact: true }).inputValue()).toBe('pp-central');
    expect(await transfer.getByLabel('To', { exact: true }).inputValue()).toBe('chbar-ampov');
    await check('prefilled');
    await transfer.getByRole('button', { name: 'Continue' }).click();
    const confirm = transfer.getByRole('group', { name: 'Check the transfer before the goods leave' });
    await confirm.getByRole('button', { name: /^Send \d[\d,]*\skg Rice$/ }).dblclick();
    await transfer.getByText(/^Sent to Chbar Ampov Transit Shelter: /).waitFor();

    const after = await outgoingFromCentral(demo);
    expect(after).toHaveLength(before.length + 1);
    const sent = after.find((entry) => !before.some((old) => JSON.stringify(old) === JSON.stringify(entry)));
    expect(sent?.toShelterId).toBe('chbar-ampov');
    expect(sent?.lines).toEqual([{ itemId: 'rice', quantity }]);
    for (const row of await balancesAgainstLedger(demo, 'pp-central', ['rice']))
      expect(row.onHand, row.itemId).toBe(row.ledger);

    // The plan counts what is on its way: the same suggestion is not made twice.
    await page.goto('/desk#plan');
    const again = await askPlan(page, '3');
    await again.getByRole('heading', { name: 'Suggested transfers' }).waitFor();
    await page.getByText('Working out the plan…').waitFor({ state: 'hidden' });
    expect(
      await again
        .getByRole('listitem')
        .filter({ hasText: `${quantity}\u00a0kg Rice` })
        .count(),
    ).toBe(0);
  });

  it('downloads the needs report as CSV through the page (the key in a header, never in the address)', async () => {
    const { demo, browser } = lead;
    const laptop = await newContext(browser, demo.baseUrl, { viewport: LAPTOP });
    try {
      const page = await laptop.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await signInToDesk(page, demo.keys.logistics, '/desk#plan');
      const section = await askPlan(page, '14');
      await section.getByRole('region', { name: 'Needs report' }).waitFor();
      // Chbar Ampov lacks rice for 14 days (other items may be listed before it).
      const row = section.getByRole('row').filter({ hasText: CHBAR_AMPOV }).filter({ hasText: 'Rice' });
      expect(await row.count()).toBe(1);
      await page.screenshot({ path: 'test-artifacts/desk-plan-laptop-en.png', fullPage: true });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        section.getByRole('button', { name: 'Download the needs report (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^supplyline-needs-14-days-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path()) ?? '', 'utf8');
      expect(csv).toContain('Chbar Ampov Transit Shelter');
      expect(csv.split('\n')[1]).toMatch(/^#/);
      await section.getByText(/^The file supplyline-needs-14-days-.*\.csv is downloaded\.$/).waitFor();
      const key = demo.keys.logistics;
      expect(asked.filter((url) => url.includes(key) || url.includes(encodeURIComponent(key)))).toEqual([]);
    } finally {
      await laptop.close();
    }
  });

  it('says who can dispatch a suggestion the key cannot (an admin reads the plan, a lead of the sending shelter sends)', async () => {
    const { demo, page } = lead;
    await signInToDesk(page, demo.keys.admin, '/desk#plan');
    // Canned fish: only Phnom Penh Central holds any (over 6 days of it), and the other tests
    // move none, so it is the one to send whatever ran before.
    const section = await askPlan(page, '3', 'Canned fish');
    const suggestion = section
      .getByRole('listitem')
      .filter({ hasText: /^Move .* Canned fish/ })
      .first();
    await suggestion
      .getByText(`A logistics lead of ${CENTRAL} can dispatch this, with their own key.`)
      .waitFor();
    expect(await suggestion.getByRole('button').count()).toBe(0);
  });
});

describe('/desk#plan in Khmer', () => {
  const lead = accessiblePhonePerTest('desk-plan', 'km');

  it('says the plan and the needs report in Khmer with Khmer digits, and passes axe', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#plan', 'km');
    await signInToDesk(page, demo.keys.logistics, '/desk#plan');
    const section = page.locator('#desk-plan');
    await section.getByLabel('ចំនួនថ្ងៃគ្រប់គ្រាន់ដែលត្រូវឈានដល់').fill('៣');
    await section.getByRole('button', { name: 'បង្ហាញផែនការ' }).click();
    await section.getByRole('listitem').filter({ hasText: /^ផ្លាស់ទី/ }).first().waitFor();
    await section.getByRole('region', { name: 'របាយការណ៍តម្រូវការ' }).waitFor();
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('plan');
  });
});
