import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalDispatcher } from '../../functions/local-dispatcher.js';
import { startTestDispatcher } from '../support/test-dispatcher.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { phone, watchForViolations } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';
import { openKeyForm } from './support/sign-in.js';

const laptop = { width: 1280, height: 900 };
const smallPhone = { width: 360, height: 740 };

/** Serious and critical accessibility violations of what the page shows now (axe-core). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Signs in with `key`, in Khmer when asked (the choice is kept on the device, as a person's is). */
async function signIn(page: Page, key: string, lang: 'en' | 'km' = 'en') {
  await page.goto('/admin');
  if (lang === 'km') {
    await page.evaluate(`localStorage.setItem('supplyline.lang', 'km')`);
    await page.reload();
  }
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-form button[type=submit]').click();
  await page.locator('#view-admin').waitFor();
}

/** Whether the keyboard's focus is on this element (found by its id). */
async function focused(page: Page, locator: ReturnType<Page['locator']>) {
  const id = await locator.getAttribute('id');
  return id !== null && (await page.evaluate('document.activeElement?.id')) === id;
}

/** Opens a section from the page's menu. */
async function openSection(page: Page, name: string | RegExp) {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}

describe('/admin: an admin sets up organisations, keys, shelters, items, devices and webhooks', () => {
  const suite = demoInChromium();
  const contexts: BrowserContext[] = [];
  let violations: Array<ReturnType<typeof watchForViolations>> = [];

  async function open(viewport: { width: number; height: number }) {
    const context =
      viewport === smallPhone
        ? await phone(suite.browser, suite.demo.baseUrl, { viewport })
        : await suite.browser.newContext({
            baseURL: suite.demo.baseUrl,
            viewport,
            locale: 'en-GB',
            timezoneId: 'Asia/Phnom_Penh',
            serviceWorkers: 'block',
          });
    contexts.push(context);
    violations.push(watchForViolations(context, suite.demo.baseUrl));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    return { page, errors };
  }

  afterEach(async () => {
    for (const watched of violations) expect(watched).toEqual({ elsewhere: [], blockedByCsp: [] });
    violations = [];
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  it('adds an organisation by keyboard alone (Tab and Enter), once for a double Enter, and names fields it refuses', async () => {
    const { page, errors } = await open(laptop);
    await signIn(page, suite.demo.keys.admin);
    const section = page.locator('#organisations');
    await section.getByRole('heading', { name: 'Add an organisation' }).waitFor();

    // From the top of the page, by Tab only, to the organisation's name.
    await page.locator('body').focus();
    const name = section.getByLabel('Name', { exact: true });
    for (let presses = 0; presses < 40 && !(await focused(page, name)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => focused(page, name)).toBe(true);
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
    await expect.poll(() => focused(page, section.getByLabel('Short id'))).toBe(true);

    // A short id the server refuses: its reason beside the field, what was typed kept.
    await section.getByLabel('Name', { exact: true }).fill('Second Hope');
    await section.getByLabel('Short id').fill('Not A Slug!');
    await section.getByRole('button', { name: 'Add organisation “Second Hope”' }).click();
    await section.locator('.field.invalid[data-field="id"] .field-error').waitFor();
    expect(await section.getByLabel('Name', { exact: true }).inputValue()).toBe('Second Hope');
    expect(await section.getByLabel('Short id').inputValue()).toBe('Not A Slug!');
    await page.screenshot({ path: 'test-artifacts/admin-organisations-laptop-en.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adds a shelter named in Khmer and a pickup point, changes its offline settings, and adds an item, on a 360x740 phone', async () => {
    const { page, errors } = await open(smallPhone);
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
    expect(await seriousViolations(page)).toEqual([]);

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
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('creates a partner key whose secret is shown once and works, then revokes it after a check', async () => {
    const { page, errors } = await open(laptop);
    await signIn(page, suite.demo.keys.admin);
    await openSection(page, 'Partner API keys');
    const section = page.locator('#api-keys');

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
    await page.screenshot({ path: 'test-artifacts/admin-key-secret-laptop-en.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await secretPanel.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => section.getByText(secret).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // Revoke: a check first, then the button that says it.
    await section.getByRole('button', { name: 'Revoke key “Kandal reporting”' }).click();
    const check = section.getByRole('group', { name: 'Check before you revoke this key' });
    await check.getByText('This cannot be undone.').waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-key-revoke-check-laptop-en.png', fullPage: true });
    await check.getByRole('button', { name: 'Revoke key “Kandal reporting”' }).click();
    await section.getByRole('status').filter({ hasText: 'Revoked Kandal reporting' }).waitFor();
    expect((await suite.demo.http('GET', '/v1/me', secret)).status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('shows a coordinator only its people, devices and webhooks, in Khmer on a 360x740 phone', async () => {
    const { page, errors } = await open(smallPhone);
    await signIn(page, suite.demo.keys.coordinator, 'km');
    const menu = page.getByRole('navigation');
    expect(await menu.getByRole('link').allTextContents()).toEqual(['មនុស្ស', 'ឧបករណ៍', 'Webhook']);
    await page.getByRole('heading', { name: 'មនុស្ស', level: 2 }).waitFor();
    await page.screenshot({ path: 'test-artifacts/admin-coordinator-phone-km.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adds a volunteer, invites them with a QR code on screen and a link, then revokes them after a check (where the server has the people API)', async () => {
    const document = (await (await fetch(`${suite.demo.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const { page, errors } = await open(laptop);
    await signIn(page, suite.demo.keys.admin);
    await openSection(page, 'People');
    const section = page.locator('#people');
    if (!Object.hasOwn(document.paths, '/v1/people')) {
      // This server has no people API yet: the section says so, and offers nothing that would fail.
      await section.getByText('People are not available on this server yet.').waitFor();
      expect(await section.getByRole('button').count()).toBe(0);
      expect(errors).toEqual([]);
      return;
    }

    await section.getByText('Add a person').click();
    await section.getByLabel('What colleagues call them').fill('Sokha (gate desk)');
    await section.getByLabel('Role').selectOption('volunteer');
    await section.getByLabel('Organisation').selectOption('pp-relief');
    await section.getByRole('checkbox', { name: 'Main gate (Phnom Penh Central Shelter)' }).check();
    await section.getByRole('button', { name: 'Add Sokha (gate desk) as Volunteer' }).click();
    await section.getByRole('status').filter({ hasText: 'Added Sokha (gate desk).' }).waitFor();
    const record = section
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Sokha (gate desk)' }) });
    await record.getByText('invited, no key yet').waitFor();

    await record.getByRole('button', { name: 'Invite Sokha (gate desk): QR code on screen' }).click();
    const invitation = record.getByRole('region', { name: 'Invitation for Sokha (gate desk)' });
    await invitation.getByRole('img', { name: 'QR code of the invitation for Sokha (gate desk)' }).waitFor();
    expect(await invitation.getByRole('textbox', { name: 'Invitation link' }).inputValue()).toContain(
      '#invite=',
    );
    await page.screenshot({ path: 'test-artifacts/admin-people-invite-laptop-en.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await invitation.getByRole('button', { name: 'Done' }).click();

    await record.getByRole('button', { name: 'Revoke Sokha (gate desk)' }).click();
    const check = section.getByRole('group', { name: 'Check before you revoke this person' });
    await check.getByRole('button', { name: 'Revoke Sokha (gate desk)' }).click();
    await section.getByRole('status').filter({ hasText: 'Revoked Sokha (gate desk)' }).waitFor();
    expect(errors).toEqual([]);
  });

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
      const { page, errors } = await open(laptop);
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
      expect(await seriousViolations(page)).toEqual([]);

      await delivery.getByRole('button', { name: 'Send voucher.issued again' }).click();
      await section
        .getByRole('status')
        .filter({ hasText: 'Sent voucher.issued again: delivered.' })
        .waitFor();
      expect(errors).toEqual([]);
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

      const { page, errors } = await open(smallPhone);
      await signIn(page, suite.demo.keys.admin, 'km');
      await openSection(page, 'ឧបករណ៍');
      const section = page.locator('#devices');
      await section.getByLabel('ទីជម្រក').selectOption('pp-central');
      const record = section.getByRole('listitem').filter({ hasText: 'Desk 7 phone' });
      await record.getByText('កំពុងប្រើ').waitFor();
      await page.screenshot({ path: 'test-artifacts/admin-devices-phone-km.png', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await record.getByRole('button', { name: 'ដកហូតទូរសព្ទ «Desk 7 phone»' }).click();
      const check = section.getByRole('group', { name: 'សូមពិនិត្យមុនពេលដកហូតទូរសព្ទនេះ' });
      await check.getByRole('button', { name: 'ដកហូតទូរសព្ទ «Desk 7 phone»' }).click();
      await section.getByRole('status').filter({ hasText: 'បានដកហូត Desk 7 phone។' }).waitFor();
      const after = await suite.demo.http('GET', `/v1/devices/${deviceId}`, suite.demo.keys.admin);
      expect(after.body.status).toBe('revoked');
      expect(errors).toEqual([]);
    });
  });
});
