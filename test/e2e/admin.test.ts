import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { adminPages, focused, LAPTOP, openSection, SMALL_PHONE, signIn } from './support/admin-page.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { issueVoucher } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';

const laptop = LAPTOP;
const smallPhone = SMALL_PHONE;

/** axe-core on what the page shows now: no serious or critical violation (support/axe.ts). */
async function accessible(page: Page, state: string) {
  await expectNoSeriousA11yViolations(page, `/admin ${state}`);
}

describe('/admin: an admin sets up organisations, partner keys, shelters, items, devices and webhooks', () => {
  const suite = demoInChromium();
  const openPage = adminPages(suite);
  const open = async (viewport: { width: number; height: number }) => ({ page: await openPage(viewport) });

  it('adds an organisation by keyboard alone (Tab and Enter), once for a double Enter, and names fields it refuses', async () => {
    const { page } = await open(laptop);
    await signIn(page, suite.demo.keys.admin);
    const section = page.locator('#organisations');
    await section.getByRole('heading', { name: 'Add an organisation' }).waitFor();

    // From the top of the page, by Tab only, to the organisation's name.
    await page.locator('body').focus();
    const name = section.getByLabel('Name', { exact: true });
    for (let presses = 0; presses < 40 && !(await focused(name)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => focused(name)).toBe(true);
    await page.keyboard.type('Mekong Hope');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mekong-hope');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(`document.activeElement?.textContent`))
      .toBe('Add organisation “Mekong Hope”');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Added Mekong Hope (mekong-hope).' }).waitFor();
    await expect.poll(() => section.getByRole('heading', { name: 'Mekong Hope' }).count()).toBe(1);
    const listed = await suite.demo.http('GET', '/v1/organizations?limit=200', suite.demo.keys.admin);
    expect(
      (listed.body.items as Array<{ id: string }>).filter((org) => org.id === 'mekong-hope'),
    ).toHaveLength(1);

    // Nothing typed: each field says what it needs, and the summary links to it.
    await section.getByRole('button', { name: 'Add organisation' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter Name' }).waitFor();
    await summary.getByRole('link', { name: 'Enter Short id' }).click();
    await expect.poll(() => focused(section.getByLabel('Short id'))).toBe(true);

    // A short id the server refuses: its reason beside the field, what was typed kept.
    await section.getByLabel('Name', { exact: true }).fill('Second Hope');
    await section.getByLabel('Short id').fill('Not A Slug!');
    await section.getByRole('button', { name: 'Add organisation “Second Hope”' }).click();
    await section.locator('.field.invalid[data-field="id"] .field-error').waitFor();
    expect(await section.getByLabel('Name', { exact: true }).inputValue()).toBe('Second Hope');
    expect(await section.getByLabel('Short id').inputValue()).toBe('Not A Slug!');
    await page.screenshot({ path: 'test-artifacts/admin-organisations-laptop-en.png', fullPage: true });
    await accessible(page, 'as shown');
  });

  it('adds a shelter named in Khmer and a pickup point, changes its offline settings, and adds an item, on a 360x740 phone', async () => {
    const { page } = await open(smallPhone);
    await signIn(page, suite.demo.keys.admin);
    await openSection(page, 'Shelters and pickup points');
    const section = page.locator('#shelters');

    await section.getByText('Add a shelter').click();
    await section.getByLabel('Name in English').first().fill('Kampot Safe House');
    await section.getByLabel('Name in Khmer').first().fill('ផ្ទះសុវត្ថិភាពកំពត');
    await section.getByLabel('Province', { exact: true }).first().fill('Kampot');
    await section.getByLabel('Places').first().fill('60');
    await section.getByLabel('People staying now').first().fill('24');
    await section.getByLabel('Confidential location').first().check();
    await section.getByLabel('Short id').first().fill('kampot-safe');
    await section.getByRole('button', { name: 'Add shelter “Kampot Safe House”' }).click();
    await section.getByRole('status').filter({ hasText: 'Added Kampot Safe House (kampot-safe).' }).waitFor();

    await section.getByText('Add a pickup point').click();
    const pointForm = section.locator('form').filter({ hasText: 'Add pickup point' });
    await pointForm.getByLabel('Shelter').selectOption('kampot-safe');
    await pointForm.getByLabel('Name in English').fill('Kitchen door');
    await pointForm.getByLabel('Name in Khmer').fill('ទ្វារផ្ទះបាយ');
    await pointForm.getByRole('button', { name: 'Add pickup point “Kitchen door”' }).click();
    await pointForm.getByRole('status').filter({ hasText: 'Added Kitchen door' }).waitFor();

    await section.getByText('Change a shelter').click();
    const change = section.locator('form').filter({ hasText: 'Shelter to change' });
    await change.getByLabel('Shelter to change').selectOption('kampot-safe');
    expect(await change.getByLabel('Name in Khmer').inputValue()).toBe('ផ្ទះសុវត្ថិភាពកំពត');
    await change.getByLabel('Without a network').selectOption('detect');
    await change.getByLabel('Longest offline hold, in hours').fill('24');
    await change.getByLabel('Warn below this many days of cover').fill('5');
    await change.getByRole('button', { name: 'Save changes to Kampot Safe House' }).click();
    await change.getByRole('status').filter({ hasText: 'Saved Kampot Safe House.' }).waitFor();
    const saved = await suite.demo.http('GET', '/v1/shelters/kampot-safe', suite.demo.keys.admin);
    expect(saved.body).toMatchObject({
      nameKm: 'ផ្ទះសុវត្ថិភាពកំពត',
      confidential: true,
      offlineMode: 'detect',
      offlineWindowHours: 24,
      coverWarningDays: 5,
      population: 24,
    });
    await page.screenshot({ path: 'test-artifacts/admin-shelters-phone-en.png', fullPage: true });
    await accessible(page, 'as shown');

    await openSection(page, 'Items');
    const items = page.locator('#items');
    await items.getByText('Add an item').click();
    await items.getByLabel('Name in English').fill('Cooking oil');
    await items.getByLabel('Name in Khmer').fill('ប្រេងឆា');
    await items.getByLabel('Short id').fill('cooking-oil');
    await items.getByLabel('Category').selectOption('food');
    await items.getByLabel('Unit').selectOption('L');
    await items.getByLabel('Daily need per person').fill('0.05');
    await items.getByRole('button', { name: 'Add item “Cooking oil”' }).click();
    await items.getByRole('status').filter({ hasText: 'Added Cooking oil (cooking-oil).' }).waitFor();
    const item = await suite.demo.http('GET', '/v1/items/cooking-oil', suite.demo.keys.admin);
    expect(item.body).toMatchObject({
      nameKm: 'ប្រេងឆា',
      unit: 'L',
      category: 'food',
      dailyNeedPerPerson: 0.05,
    });

    // Khmer chosen: the shelter, its pickup point and the item show their Khmer names.
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await items.getByRole('heading', { name: 'ប្រេងឆា' }).waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-items-phone-km.png', fullPage: true });
    await openSection(page, 'ទីជម្រក និងចំណុចចែកចាយ');
    await section.getByRole('heading', { name: 'ផ្ទះសុវត្ថិភាពកំពត' }).waitFor();
    await section.getByText('ទ្វារផ្ទះបាយ').first().waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-shelters-phone-km.png', fullPage: true });
    await accessible(page, 'as shown');
  });

  it('lists the partner keys, creates one whose secret is shown once and works, then revokes it after a check', async () => {
    const made = await suite.demo.http('POST', '/v1/api-keys', suite.demo.keys.admin, {
      role: 'coordinator',
      orgId: 'pp-relief',
      label: 'Partner case system',
      scope: { shelterIds: ['pp-central'] },
    });
    expect(made.status, made.text).toBe(201);
    const { page } = await open(laptop);
    await signIn(page, suite.demo.keys.admin);
    await openSection(page, 'Partner API keys');
    const section = page.locator('#api-keys');
    const keys = section.getByRole('list', { name: 'Machine keys' });
    const partner = keys.getByRole('listitem').filter({ hasText: 'Partner case system' });
    await partner.getByText('Phnom Penh Central Shelter').waitFor();
    await partner.getByText('Phnom Penh Relief Network (pp-relief)').waitFor();
    // The demo's own keys are machine keys too; the one signed in here cannot revoke itself.
    const signedIn = keys.getByRole('listitem').filter({ hasText: 'Demo administrator' });
    await signedIn.waitFor();
    expect(await signedIn.getByRole('button').count()).toBe(0);

    await section.getByText('Create a key', { exact: true }).click();
    // Drawn while the section was hidden, the button already says what it will make.
    const org = await section.getByLabel('Organisation').inputValue();
    await section.getByRole('button', { name: `Create a key for ${org}: Admin`, exact: true }).waitFor();
    await section.getByLabel('What it is for').fill('Kandal reporting');
    await section.getByLabel('Role').selectOption('logistics');
    await section.getByLabel('Organisation').selectOption('pp-relief');
    await section.getByRole('checkbox', { name: 'Phnom Penh Central Shelter' }).check();
    await section.getByRole('button', { name: 'Create a key for pp-relief: Logistics' }).click();
    const secretPanel = section.getByRole('region', { name: 'The secret of key “Kandal reporting”' });
    await secretPanel.getByText('You will not see this again.').waitFor();
    const secret = await secretPanel.getByRole('textbox').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect((await suite.demo.http('GET', '/v1/me', secret)).status).toBe(200);
    await keys.getByRole('heading', { name: 'Kandal reporting' }).waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-key-secret-laptop-en.png', fullPage: true });
    await accessible(page, 'a key’s secret (laptop, en)');

    await secretPanel.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => section.getByText(secret).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // Revoke: a check first, then the button that says it.
    const kandal = keys.getByRole('listitem').filter({ hasText: 'Kandal reporting' });
    await kandal.getByRole('button', { name: 'Revoke key “Kandal reporting”' }).click();
    const check = section.getByRole('group', { name: 'Check before you revoke this key' });
    await check.getByText('This cannot be undone.').waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-key-revoke-check-laptop-en.png', fullPage: true });
    await check.getByRole('button', { name: 'Revoke key “Kandal reporting”' }).click();
    await section.getByRole('status').filter({ hasText: 'Revoked Kandal reporting' }).waitFor();
    expect((await suite.demo.http('GET', '/v1/me', secret)).status).toBe(401);

    // Revoked keys leave the list unless asked for.
    await expect.poll(() => kandal.count()).toBe(0);
    await section.getByLabel('Show revoked keys').check();
    await kandal.getByText('Revoked').waitFor();
    expect(await kandal.getByRole('button').count()).toBe(0);
    await page.screenshot({ path: 'test-artifacts/admin-keys-laptop-en.png', fullPage: true });
  });

  for (const [language, viewport, menu] of [
    [
      'en',
      laptop,
      [
        'Organisations',
        'People',
        'Partner API keys',
        'Shelters and pickup points',
        'Items',
        'Devices',
        'Webhooks',
      ],
    ],
    [
      'km',
      smallPhone,
      ['អង្គការ', 'មនុស្ស', 'សោ API របស់ដៃគូ', 'ទីជម្រក និងចំណុចចែកចាយ', 'សម្ភារៈ', 'ឧបករណ៍', 'Webhook'],
    ],
  ] as const) {
    it(`shows every section to an admin in ${language === 'en' ? 'English on a laptop' : 'Khmer on a 360x740 phone'}, each free of serious accessibility violations`, async () => {
      const { page } = await open(viewport);
      await signIn(page, suite.demo.keys.admin, language);
      const links = page.getByRole('navigation').getByRole('link');
      expect(await links.allTextContents()).toEqual([...menu]);
      for (const name of menu) {
        await openSection(page, name);
        const section = page.locator('section.admin-section:not([hidden])');
        await section.getByRole('heading', { name, level: 2 }).waitFor();
        // Each section's list is drawn once its records arrive.
        await section.locator('.records > li').first().waitFor();
        const slug = await section.getAttribute('id');
        await page.screenshot({
          path: `test-artifacts/admin-section-${slug}-${language}.png`,
          fullPage: true,
        });
        await accessible(page, `${name} (${language})`);
      }
    });
  }

  describe('webhooks and devices', () => {
    let dispatcher: LocalDispatcher | undefined;
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

    beforeAll(async () => {
      // The receiver fails the first attempt, so the delivery is there to be sent again.
      receiver = await startWebhookReceiver([500, 200, 200, 200]);
      ({ dispatcher } = await startTestDispatcher(suite.demo.t, inject('dynamoEndpoint')));
    });
    afterAll(async () => {
      await dispatcher?.stop();
      await receiver?.close();
    });

    it('subscribes a webhook (its secret shown once), lists its deliveries and sends one again', async () => {
      const { page } = await open(laptop);
      await signIn(page, suite.demo.keys.admin);
      await openSection(page, 'Webhooks');
      const section = page.locator('#webhooks');

      await section.getByText('Subscribe a URL').click();
      await section.getByLabel('URL', { exact: true }).fill(receiver.url);
      await section.getByLabel('Description').fill('Partner feed');
      await section.getByRole('checkbox', { name: 'voucher.issued' }).check();
      await section.getByRole('button', { name: `Subscribe ${receiver.url}` }).click();
      const secretPanel = section.getByRole('region', { name: `The signing secret of ${receiver.url}` });
      expect(await secretPanel.getByRole('textbox').inputValue()).toMatch(/^whsec_/);
      await secretPanel.getByRole('button', { name: 'I have copied it' }).click();

      await issueVoucher(suite.demo);
      await receiver.waitFor(1, 20_000);
      await section.getByRole('button', { name: 'Show deliveries' }).click();
      const delivery = section
        .getByRole('list', { name: `Deliveries to ${receiver.url}` })
        .getByRole('listitem')
        .first();
      await delivery.getByRole('heading', { name: 'voucher.issued · waiting' }).waitFor();
      await delivery.getByText(/^500 · /).waitFor();
      await page.screenshot({
        path: 'test-artifacts/admin-webhook-deliveries-laptop-en.png',
        fullPage: true,
      });
      await accessible(page, 'as shown');

      await delivery.getByRole('button', { name: 'Send voucher.issued again' }).click();
      await section
        .getByRole('status')
        .filter({ hasText: 'Sent voucher.issued again: delivered.' })
        .waitFor();
    });

    it('shows which phone holds vouchers and when it synced, and revokes a lost one after a check, in Khmer on a phone', async () => {
      const registered = await suite.demo.http(
        'POST',
        '/v1/devices',
        suite.demo.keys.volunteer,
        {
          pickupPointId: 'pp-central-gate',
          label: 'Desk 7 phone',
        },
        { 'idempotency-key': 'e2e-admin-device-7' },
      );
      expect(registered.status, registered.text).toBe(201);
      const deviceId = String(registered.body.id);

      const { page } = await open(smallPhone);
      await signIn(page, suite.demo.keys.admin, 'km');
      await openSection(page, 'ឧបករណ៍');
      const section = page.locator('#devices');
      await section.getByLabel('ទីជម្រក').selectOption('pp-central');
      const record = section.getByRole('listitem').filter({ hasText: 'Desk 7 phone' });
      await record.getByText('កំពុងប្រើ').waitFor();
      await page.screenshot({ path: 'test-artifacts/admin-devices-phone-km.png', fullPage: true });
      await accessible(page, 'as shown');

      await record.getByRole('button', { name: 'ដកហូតទូរសព្ទ «Desk 7 phone»' }).click();
      const check = section.getByRole('group', { name: 'សូមពិនិត្យមុនពេលដកហូតទូរសព្ទនេះ' });
      await check.getByRole('button', { name: 'ដកហូតទូរសព្ទ «Desk 7 phone»' }).click();
      await section.getByRole('status').filter({ hasText: 'បានដកហូត Desk 7 phone។' }).waitFor();
      const after = await suite.demo.http('GET', `/v1/devices/${deviceId}`, suite.demo.keys.admin);
      expect(after.body.status).toBe('revoked');
    });

    it('hands a silent phone’s vouchers back to the pool after a check, on a laptop', async () => {
      const { demo } = suite;
      const registered = await demo.http('POST', '/v1/devices', demo.keys.volunteer, {
        pickupPointId: 'pp-central-gate',
        label: 'Desk 8 phone',
      });
      expect(registered.status, registered.text).toBe(201);
      const deviceId = String(registered.body.id);
      for (let i = 0; i < 4; i++) await issueVoucher(demo);
      const pack = await demo.http('GET', `/v1/devices/${deviceId}/pack`, demo.keys.volunteer);
      const held = (pack.body.vouchers as unknown[]).length;
      expect(held).toBeGreaterThan(0);

      const { page } = await open(laptop);
      await signIn(page, demo.keys.admin);
      await openSection(page, 'Devices');
      const section = page.locator('#devices');
      await section.getByLabel('Shelter').selectOption('pp-central');
      const record = section.getByRole('listitem').filter({ hasText: 'Desk 8 phone' });
      await record.getByText(held === 1 ? '1 voucher' : `${held} vouchers`, { exact: true }).waitFor();
      await record.getByText('a machine key (no person)').waitFor();

      await record.getByRole('button', { name: 'Hand back the vouchers of “Desk 8 phone”' }).click();
      const check = section.getByRole('group', { name: 'Check before you hand this phone’s vouchers back' });
      await check.getByText(/^For a phone left silent, not lost/).waitFor();
      await page.screenshot({ path: 'test-artifacts/admin-devices-hand-back-laptop-en.png', fullPage: true });
      await accessible(page, 'hand back check (laptop, en)');
      await check.getByRole('button', { name: 'Hand back the vouchers of “Desk 8 phone”' }).click();
      await section
        .getByRole('status')
        .filter({ hasText: `Handed back the vouchers of Desk 8 phone: ${held}.` })
        .waitFor();
      await record.getByText('signed off', { exact: true }).waitFor();
      await record.getByText('0 vouchers', { exact: true }).waitFor();
      const after = await demo.http('GET', `/v1/devices/${deviceId}`, demo.keys.admin);
      expect(after.body).toMatchObject({
        status: 'signed-off',
        poolSize: 0,
        signedOffBy: expect.any(String),
      });
    });
  });
});
