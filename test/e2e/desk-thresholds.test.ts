import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { latinDigitsOnScreen, scrollWidth } from './support/khmer.js';
import { openKeyForm } from './support/sign-in.js';

/** Signs in at /desk#thresholds and picks Phnom Penh Central. */
async function openAtCentral(page: Page, key: string, heading: string) {
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-key').press('Enter');
  await page.locator('#view-desk').waitFor({ state: 'visible' });
  await page.locator('#desk-shelter').selectOption('pp-central');
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

describe('/desk#thresholds on a 360x740 phone: when alerts fire, and who gets them', () => {
  const lead = accessiblePhonePerTest('desk-thresholds', 'en');

  it('a lead sets a low-stock threshold and clears none by mistake; the cover warning days are an admin’s; the digests’ recipients are said', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#thresholds', 'en');
    await openAtCentral(page, demo.keys.logistics, 'Thresholds');
    const section = page.locator('#desk-thresholds');
    const rice = section.getByLabel('Rice', { exact: true });
    await rice.waitFor();
    expect(
      await section
        .getByText(/^Available now: [\d,]+ kg · \d+ days of cover$/)
        .first()
        .isVisible(),
    ).toBe(true);

    // Nothing changed: said, nothing sent.
    await section.getByRole('button', { name: 'Continue' }).first().click();
    await section.getByText('Change a threshold first', { exact: false }).first().waitFor();

    await rice.fill('-5');
    await section.getByRole('button', { name: 'Continue' }).first().click();
    await section.getByText('Enter a number of 0 or more for Rice, or leave it empty').first().waitFor();
    await check('error');

    await rice.fill('500');
    await rice.press('Enter');
    const confirm = section.getByRole('group', { name: 'Check the thresholds before they are saved' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Rice500 kg');
    await confirm.getByRole('button', { name: 'Save 1 thresholds' }).click();
    await section.getByText('Saved: 1 thresholds at Phnom Penh Central Shelter.').waitFor();
    const stock = await demo.http('GET', '/v1/stock?shelterId=pp-central&limit=200', demo.keys.logistics);
    const rows = stock.body.items as Array<{ itemId: string; lowStockThreshold?: number }>;
    expect(rows.find((row) => row.itemId === 'rice')?.lowStockThreshold).toBe(500);

    // A logistics key reads the warning days; only an admin changes them.
    expect(await section.getByLabel('Warning days', { exact: true }).getAttribute('readonly')).toBe('');
    await section.getByText('Only an admin key can change this; ask an admin.').waitFor();
    await section.getByRole('heading', { name: 'Who receives the digests', level: 3 }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('saved');
  });

  it('an admin sets the cover warning days of the shelter', async () => {
    const { demo, page } = lead;
    await openIn(page, '/desk#thresholds', 'en');
    await openAtCentral(page, demo.keys.admin, 'Thresholds');
    const section = page.locator('#desk-thresholds');
    const days = section.getByLabel('Warning days', { exact: true });
    await days.fill('120');
    await days.press('Enter');
    await section.getByText('Enter a whole number of days from 0 to 90').first().waitFor();
    await days.fill('5');
    await days.press('Enter');
    await section.getByRole('button', { name: 'Warn under 5 days' }).click();
    await section.getByText('Saved: alerts under 5 days of cover at Phnom Penh Central Shelter.').waitFor();
    const shelter = await demo.http('GET', '/v1/shelters/pp-central', demo.keys.admin);
    expect(shelter.body.coverWarningDays).toBe(5);
  });
});

describe('/desk#thresholds in Khmer', () => {
  const lead = accessiblePhonePerTest('desk-thresholds', 'km');

  it('says it in Khmer with Khmer digits, and passes axe', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#thresholds', 'km');
    await openAtCentral(page, demo.keys.logistics, 'កម្រិតព្រមាន');
    await page.getByLabel('អង្ករ', { exact: true }).waitFor();
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    await check('list');
  });
});
