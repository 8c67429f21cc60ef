import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AlertRecipientsReader } from '../../shared/events/alert-recipients.js';
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

/** The writes the page makes to `path`, each with its Idempotency-Key (or none). */
function writesTo(page: Page, path: string) {
  const seen: Array<{ method: string; key: string | undefined; body: unknown }> = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname === path)
      seen.push({
        method: request.method(),
        key: request.headers()['idempotency-key'],
        body: request.postDataJSON(),
      });
  });
  return seen;
}

type Balance = {
  itemId: string;
  lowStockThreshold: number | null;
  coverWarningDays: number;
  coverWarningDaysFrom: string;
};

describe('/desk#thresholds on a 360x740 phone: when alerts fire, and who gets them', () => {
  const lead = accessiblePhonePerTest('desk-thresholds', 'en');

  const stockAtCentral = async () => {
    const stock = await lead.demo.http(
      'GET',
      '/v1/stock?shelterId=pp-central&limit=200',
      lead.demo.keys.logistics,
    );
    return stock.body.items as Balance[];
  };

  it('a lead sets an item’s low-stock threshold and its own cover warning days, checked before they are saved, and the API reads them back', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#thresholds', 'en');
    await openAtCentral(page, demo.keys.logistics, 'Thresholds');
    const section = page.locator('#desk-thresholds');
    const rice = section.getByRole('group', { name: 'Rice', exact: true });
    const threshold = rice.getByLabel('Low-stock threshold', { exact: true });
    const ownDays = rice.getByLabel('Own cover warning days', { exact: true });
    await threshold.waitFor();
    await rice.getByText(/^Available now: [\d,]+ kg · \d+ days of cover/).waitFor();
    await rice.getByText('Warns under 3 days: the default.').waitFor();
    const puts = writesTo(page, '/v1/shelters/pp-central/stock/rice/threshold');

    // Nothing changed: said, nothing sent.
    await section.getByRole('button', { name: 'Continue' }).first().click();
    await section.getByText('Change a level first', { exact: false }).first().waitFor();

    // Out of bounds: each error beside its field, what was typed kept.
    await threshold.fill('-5');
    await ownDays.fill('120');
    await ownDays.press('Enter');
    await rice
      .getByText('Enter a number of 0 or more for the low-stock threshold of Rice, or leave it empty')
      .waitFor();
    await rice.getByText('Enter a number of days from 0 to 90 for Rice, or leave it empty').waitFor();
    expect(await ownDays.getAttribute('aria-invalid')).toBe('true');
    expect(await ownDays.inputValue()).toBe('120');
    await check('error');

    await threshold.fill('500');
    await ownDays.fill('5');
    await ownDays.press('Enter');
    const confirm = section.getByRole('group', { name: 'Check the alert levels before they are saved' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Rice: low-stock threshold500 kg');
    expect(await confirm.textContent()).toContain('Rice: own cover warning days5 days');
    await check('confirm');
    // A double tap saves once.
    await confirm.getByRole('button', { name: 'Save the levels of Rice' }).dblclick();
    await section.getByText('Saved: the alert levels of Rice at Phnom Penh Central Shelter.').waitFor();
    expect(puts).toEqual([
      { method: 'PUT', key: undefined, body: { lowStockThreshold: 500, coverWarningDays: 5 } },
    ]);
    await rice.getByText('Warns under 5 days: its own.').waitFor();

    const saved = (await stockAtCentral()).find((row) => row.itemId === 'rice');
    expect(saved).toMatchObject({
      lowStockThreshold: 500,
      coverWarningDays: 5,
      coverWarningDaysFrom: 'item',
    });

    // Emptying the own days only (the threshold untouched) sends only that: rice follows the shelter again.
    await ownDays.fill('');
    await ownDays.press('Enter');
    await confirm.getByText('the shelter’s').waitFor();
    await confirm.getByRole('button', { name: 'Save the levels of Rice' }).click();
    await rice.getByText('Warns under 3 days: the default.').waitFor();
    expect(puts[1]?.body).toEqual({ coverWarningDays: null });
    expect((await stockAtCentral()).find((row) => row.itemId === 'rice')).toMatchObject({
      lowStockThreshold: 500,
      coverWarningDaysFrom: 'default',
    });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('saved');
  });

  it('a lead sets the shelter’s cover warning days with the keyboard alone, under one Idempotency-Key; the items that follow the shelter say so', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#thresholds', 'en');
    await openAtCentral(page, demo.keys.logistics, 'Thresholds');
    const section = page.locator('#desk-thresholds');
    const days = section.getByLabel('Warning days', { exact: true });
    await days.waitFor();
    expect(await days.getAttribute('readonly')).toBeNull();
    const puts = writesTo(page, '/v1/shelters/pp-central/cover-warning-days');

    await days.fill('120');
    await days.press('Enter');
    await section.getByText('Enter a number of days from 0 to 90, or leave it empty').first().waitFor();
    await days.fill('4');
    await days.press('Enter');
    const confirm = section.getByRole('group', { name: 'Check the warning days before they are saved' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Cover warning days at Phnom Penh Central Shelter4 days');
    // From the check step's heading, Tab reaches the button that says what it does; Enter twice
    // (a double press) sets once.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Warn under 4 days');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await section.getByText('Saved: alerts under 4 days of cover at Phnom Penh Central Shelter.').waitFor();
    expect(puts.length).toBe(1);
    expect(puts[0]?.key).toMatch(/.{8,}/);
    expect(puts[0]?.body).toEqual({ coverWarningDays: 4 });

    const shelter = await demo.http('GET', '/v1/shelters/pp-central', demo.keys.logistics);
    expect(shelter.body.coverWarningDays).toBe(4);
    expect((await stockAtCentral()).find((row) => row.itemId === 'water')).toMatchObject({
      coverWarningDays: 4,
      coverWarningDaysFrom: 'shelter',
    });
    await section
      .getByRole('group', { name: 'Drinking water', exact: true })
      .getByText('Warns under 4 days: the shelter’s.')
      .waitFor();
    await check('shelter-days');
  });

  it('says plainly that nobody gets the email digest on a local run, and lists the webhooks that hear the shelter', async () => {
    const { demo, page, check } = lead;
    const hook = await demo.http('POST', '/v1/webhooks', demo.keys.coordinator, {
      url: 'http://localhost:9/hooks?token=s3cret',
      eventTypes: ['stock.low', 'voucher.issued', 'stock.cover-low'],
      shelterIds: ['pp-central'],
      description: 'Partner stock desk',
    });
    expect(hook.status).toBe(201);
    await openIn(page, '/desk#thresholds', 'en');
    await openAtCentral(page, demo.keys.logistics, 'Thresholds');
    const section = page.locator('#desk-thresholds');
    await section.getByRole('heading', { name: 'Who receives the alerts', level: 3 }).waitFor();
    await section
      .getByText(
        'No one receives the email digest: this Supplyline has no email set up for alerts, so the digest is only written to the server’s log.',
      )
      .waitFor();
    await section.getByText('Partner stock desk, localhost:9: low stock, few days of cover').waitFor();
    expect(await section.textContent()).not.toContain('s3cret');
    await check('recipients-local');
  });

  it('lists the digest’s addresses, confirmed or not, where Supplyline sends alerts by email', async () => {
    const { demo, page, check } = lead;
    // SNS has no local stand-in: the topic's subscriptions are read through this instead.
    const sns: AlertRecipientsReader = async () => ({
      channel: 'email',
      recipients: [
        { protocol: 'email', endpoint: 'logistics@partner.example.org', confirmed: true },
        { protocol: 'email', endpoint: 'new.lead@partner.example.org', confirmed: false },
      ],
    });
    const local = demo.t.deps.alertRecipients;
    demo.t.deps.alertRecipients = sns;
    try {
      await openIn(page, '/desk#thresholds', 'en');
      await openAtCentral(page, demo.keys.logistics, 'Thresholds');
      const section = page.locator('#desk-thresholds');
      await section
        .getByText(
          'Stock alerts for Phnom Penh Central Shelter go out by email as one digest every 60 minutes at most, to:',
        )
        .waitFor();
      const addresses = section.getByRole('list').filter({ hasText: '@partner.example.org' });
      expect(await addresses.getByRole('listitem').allTextContents()).toEqual([
        'logistics@partner.example.org (confirmed)',
        'new.lead@partner.example.org (not confirmed yet: gets nothing until the address confirms)',
      ]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
      await check('recipients-email');
    } finally {
      demo.t.deps.alertRecipients = local;
    }
  });
});

describe('/desk#thresholds in Khmer', () => {
  const lead = accessiblePhonePerTest('desk-thresholds', 'km');

  it('says it in Khmer with Khmer digits, checks a change in Khmer, and passes axe', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#thresholds', 'km');
    await openAtCentral(page, demo.keys.logistics, 'កម្រិតព្រមាន');
    const section = page.locator('#desk-thresholds');
    const rice = section.getByRole('group', { name: 'អង្ករ', exact: true });
    await rice.getByLabel('កម្រិតស្តុកទាប', { exact: true }).waitFor();
    await section.getByText('គ្មាននរណាទទួលសេចក្តីសង្ខេបតាមអ៊ីមែលទេ', { exact: false }).waitFor();
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('list');

    // Typed in Khmer digits, said back in Khmer digits.
    await rice.getByLabel('ថ្ងៃព្រមានផ្ទាល់ខ្លួន', { exact: true }).fill('៧');
    await rice.getByLabel('ថ្ងៃព្រមានផ្ទាល់ខ្លួន', { exact: true }).press('Enter');
    const confirm = section.getByRole('group', { name: 'ពិនិត្យកម្រិតព្រមានមុនពេលរក្សាទុក' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('៧ ថ្ងៃ');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    await check('confirm');
  });
});
