import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { phone as newPhone } from './support/browser.js';
import { handedOverTwice, VOUCHER_LINES } from './support/conflict-fixtures.js';
import { balance, type DemoServer, issueVoucher } from './support/demo-server.js';
import { focusedId, focusedText, tabTo } from './support/desk-page.js';
import { KHMER_DAY_TIME, latinDigitsOnScreen, scrollWidth } from './support/khmer.js';
import { balancesAgainstLedger, ledgerOf } from './support/ledger-api.js';
import { demoInChromium } from './support/lifecycle.js';
import { revokeAllDevices, waitUntilPackTaken } from './support/offline.js';
import { signInToScan, typeCode, waitForState } from './support/scan-page.js';
import { openKeyForm } from './support/sign-in.js';

const ITEMS = VOUCHER_LINES.map((line) => line.itemId);
const GOODS = '5 kg Rice, 30 L Drinking water, 2 × Mosquito net';

/** On hand of the voucher's items at Phnom Penh Central, through the API. */
async function onHand(demo: DemoServer) {
  const rows = await Promise.all(ITEMS.map((itemId) => balance(demo, 'pp-central', itemId)));
  return Object.fromEntries(ITEMS.map((itemId, index) => [itemId, rows[index]?.onHand]));
}

/** The ledger entries a conflict's resolution wrote. */
async function entriesOf(demo: DemoServer, conflictId: string) {
  return (await ledgerOf(demo, 'pp-central')).filter((entry) => entry.conflictId === conflictId);
}

/** Signs in with the mouse and picks Phnom Penh Central: for tests about what comes after. */
async function openConflictsAtCentral(page: Page, key: string) {
  await page.goto('/desk#conflicts');
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-key').press('Enter');
  await page.locator('#desk-shelter').selectOption('pp-central');
  await page.locator('.desk-section:not([hidden]) .summary:not(:empty)').waitFor();
}

/** What a list of facts says for `term` (a `dt`), as shown in its `dd`. */
async function fact(scope: Locator, term: string): Promise<string> {
  const row = scope.locator('.facts > div').filter({ has: scope.page().getByText(term, { exact: true }) });
  return text(row.first().locator('dd'));
}

/** An element's text as read, a no-break space (kept between a quantity and its unit) as a space. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** The card of the conflict whose voucher is `voucherId`. */
function cardOf(page: Page, voucherId: string) {
  return page.locator('li.conflict').filter({ hasText: voucherId });
}

describe('/desk#conflicts on a 360x740 phone: the logistics lead resolves offline conflicts', () => {
  const lead = accessiblePhonePerTest('desk-conflicts', 'en');
  afterEach(async () => {
    // Each test's phones leave the shelter: a voucher issued next is nobody's yet.
    await revokeAllDevices(lead.demo, 'pp-central');
  });

  it('a voucher cancelled while a phone handed it over offline: the scanner shows where the lead checks it, the lead resolves it by keyboard, the ledger moves once and every balance equals its ledger', async () => {
    const { demo, browser, page, check } = lead;
    const voucher = await issueVoucher(demo);
    // The volunteer's phone at the main gate holds the voucher in its list, then loses the network.
    const volunteer = await newPhone(browser, demo.baseUrl, { viewport: SMALL_PHONE });
    const scan = await volunteer.newPage();
    await signInToScan(scan, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(scan);
    await volunteer.setOffline(true);
    await typeCode(scan, voucher.code);
    await waitForState(scan, 'ready');
    await scan.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(scan, 'pending');
    // Meanwhile its organisation cancels the voucher (the household moved on).
    expect(
      (await demo.http('POST', `/v1/vouchers/${voucher.id}/void`, demo.keys.coordinator, {})).status,
    ).toBe(200);
    const before = await onHand(demo);

    await volunteer.setOffline(false);
    await waitForState(scan, 'sync-refused', 30_000);
    const onScreen = scan.locator('#state').getByRole('link', { name: 'Conflicts on the desk page' });
    expect(await onScreen.getAttribute('href')).toBe('/desk#conflicts');
    await scan.getByRole('button', { name: 'Next voucher' }).click();
    const outcomes = scan.locator('#sync-outcomes-box');
    await outcomes.getByText('Show the logistics lead this link: it opens with their key only.').waitFor();
    const link = await outcomes
      .getByRole('link', { name: 'Conflicts on the desk page' })
      .getAttribute('href');
    await scan.screenshot({ path: 'test-artifacts/desk-conflicts-scanner-link-en.png', fullPage: true });
    await volunteer.close();

    // The lead opens the link on their own phone and signs in, by keyboard alone.
    await page.goto(link ?? '');
    // The key field lies under "Use an API key": Enter on its summary opens it.
    await tabTo(page, async () =>
      Boolean(await page.evaluate(`document.activeElement?.matches('#signin-with-key > summary')`)),
    );
    await page.keyboard.press('Enter');
    await tabTo(page, async () => (await focusedId(page)) === 'signin-key');
    await page.keyboard.type(demo.keys.logistics);
    await page.keyboard.press('Enter');
    await page.locator('#view-desk').waitFor({ state: 'visible' });
    await tabTo(page, async () => (await focusedId(page)) === 'desk-shelter');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#desk-shelter').inputValue()).toBe('pp-central');
    const card = cardOf(page, voucher.id);
    await card.getByRole('heading', { name: 'Cancelled voucher handed over', level: 3 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#conflicts');

    // Both sides: what the phone recorded, what the server had. No beneficiary data anywhere.
    const phoneSide = card.getByRole('group', { name: 'What the phone recorded' });
    const serverSide = card.getByRole('group', { name: 'What the server had' });
    expect(await fact(phoneSide, 'Pickup point')).toBe('Main gate');
    expect(await fact(phoneSide, 'Phone')).toMatch(/^Main gate · [0-9A-F]{4}$/);
    expect(await fact(phoneSide, 'Handed over (phone’s clock)')).toMatch(
      /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
    expect(await fact(serverSide, 'Voucher')).toBe(
      'Cancelled by its organisation before this handover was synced',
    );
    expect(await fact(card, 'Goods')).toBe(GOODS);
    expect(await page.locator('body').textContent()).not.toContain('E2E-HOUSEHOLD');
    expect(await page.locator('#nav-list').textContent()).toMatch(/Conflicts\s*1/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('list');

    await tabTo(page, async () => (await focusedText(page)) === 'Resolve this conflict');
    await page.keyboard.press('Enter');
    // Into the choices: Tab reaches the first, Space chooses it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.type')).toBe('radio');
    await page.keyboard.press('Space');
    expect(await card.getByLabel('Yes, the goods were handed out').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('The gate volunteer handed the goods over before the cancellation reached her.');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Continue');
    await page.keyboard.press('Enter');

    // Check your answers: what this choice does to stock, before anything is booked.
    const confirm = card.getByRole('group', { name: 'Check before you resolve' });
    await confirm.waitFor();
    expect(await focusedText(page)).toBe('Check before you resolve');
    expect(await text(confirm)).toContain(
      `Stock at Phnom Penh Central Shelter goes down by ${GOODS}, booked as a duplicate handover. This cannot be undone.`,
    );
    await check('confirm');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Resolve: goods handed out');
    await page.keyboard.press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: `Resolved: stock at Phnom Penh Central Shelter went down by ${GOODS}.` })
      .waitFor();
    expect(await focusedText(page)).toContain('Resolved: stock at Phnom Penh Central Shelter');
    await page.getByText('No open conflicts at Phnom Penh Central Shelter.').waitFor();
    expect(await cardOf(page, voucher.id).count()).toBe(0);
    await check('resolved');

    // The ledger moved once, by the goods, and every balance touched equals the sum of its ledger.
    const conflicts = await demo.http(
      'GET',
      '/v1/conflicts?shelterId=pp-central&status=resolved',
      demo.keys.logistics,
    );
    const conflict = (conflicts.body.items as Array<{ id: string; voucherId: string }>).find(
      (candidate) => candidate.voucherId === voucher.id,
    );
    const entries = await entriesOf(demo, conflict?.id ?? '');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      type: 'adjustment',
      reason: 'duplicate-handover',
      voucherId: voucher.id,
    });
    const after = await onHand(demo);
    for (const line of VOUCHER_LINES)
      expect(after[line.itemId]).toBe((before[line.itemId] ?? 0) - line.quantity);
    for (const row of await balancesAgainstLedger(demo, 'pp-central', ITEMS))
      expect(row.onHand).toBe(row.ledger);

    // "Resolved" lists it with what was done, by whom and why.
    await page.getByLabel('Resolved', { exact: true }).check();
    const resolved = cardOf(page, voucher.id);
    await resolved.waitFor();
    expect(await fact(resolved, 'Outcome')).toBe('Goods were handed out');
    expect(await fact(resolved, 'Stock')).toBe(`went down by ${GOODS}`);
    expect(await fact(resolved, 'Resolved by')).toBe('you');
    await page.screenshot({ path: 'test-artifacts/desk-conflicts-resolved-list-en.png', fullPage: true });
  });

  it('refuses an empty form beside its fields, goes back keeping what was typed, and resolves "nothing handed out" without moving stock', async () => {
    const { demo, page, check } = lead;
    const { voucher, conflictId } = await handedOverTwice(demo);
    await openConflictsAtCentral(page, demo.keys.logistics);
    const card = cardOf(page, voucher.id);
    await card.getByRole('heading', { name: 'Handed over twice' }).waitFor();
    const serverSide = card.getByRole('group', { name: 'What the server had' });
    expect(await fact(serverSide, 'Voucher')).toBe('Already handed over');
    expect(await fact(serverSide, 'Handed over at')).toMatch(
      /^Clinic hall, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
    expect(await fact(serverSide, 'By phone')).toBe('Hall phone');
    expect(await fact(card.getByRole('group', { name: 'What the phone recorded' }), 'Phone')).toBe(
      'Gate phone',
    );

    await card.getByRole('button', { name: 'Resolve this conflict' }).click();
    await card.getByRole('button', { name: 'Continue' }).click();
    const summary = card.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await card.locator('.field-error:not([hidden])').allTextContents()).toEqual([
      'Choose whether the goods were handed out',
      'Say what the desks found',
    ]);
    await check('errors');
    await summary.getByRole('link', { name: 'Say what the desks found' }).click();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    expect(new URL(page.url()).hash).toBe('#conflicts');

    await card.getByLabel('No, nothing was handed out').check();
    await card
      .getByLabel('What the desks found')
      .fill('The hall desk served them; the gate turned them away.');
    await card.getByRole('button', { name: 'Continue' }).click();
    const confirm = card.getByRole('group', { name: 'Check before you resolve' });
    expect(await text(confirm)).toContain(
      'Stock at Phnom Penh Central Shelter does not change. This cannot be undone.',
    );
    await confirm.getByRole('button', { name: 'Go back, change nothing' }).click();
    expect(await card.getByLabel('What the desks found').inputValue()).toBe(
      'The hall desk served them; the gate turned them away.',
    );
    expect(await card.getByLabel('No, nothing was handed out').isChecked()).toBe(true);
    const before = await onHand(demo);
    await card.getByRole('button', { name: 'Continue' }).click();
    await confirm.getByRole('button', { name: 'Resolve: nothing handed out' }).click();

    await page.getByText('Resolved: stock at Phnom Penh Central Shelter did not change.').waitFor();
    expect(await entriesOf(demo, conflictId)).toEqual([]);
    expect(await onHand(demo)).toEqual(before);
    await page.getByLabel('Resolved', { exact: true }).check();
    const resolved = cardOf(page, voucher.id);
    await resolved.waitFor();
    expect(await fact(resolved, 'Outcome')).toBe('Nothing was handed out');
    expect(await fact(resolved, 'Stock')).toBe('not changed');
    expect(await fact(resolved, 'What the desks found')).toBe(
      'The hall desk served them; the gate turned them away.',
    );
  });

  it('books once for a double press and a press again after a lost answer: one Idempotency-Key, one adjustment', async () => {
    const { demo, page } = lead;
    const { voucher, conflictId } = await handedOverTwice(demo);
    const sent: Array<{ key: string; replayed: string | undefined }> = [];
    await page.route('**/v1/conflicts/*/resolve', async (route) => {
      // The first press reaches the server and is booked; its answer is lost on the way back.
      const response = await route.fetch();
      sent.push({
        key: route.request().headers()['idempotency-key'] ?? '',
        replayed: response.headers()['idempotent-replayed'],
      });
      if (sent.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await openConflictsAtCentral(page, demo.keys.logistics);
    const card = cardOf(page, voucher.id);
    await card.getByRole('button', { name: 'Resolve this conflict' }).click();
    await card.getByLabel('Yes, the goods were handed out').check();
    await card.getByLabel('What the desks found').fill('Both desks handed the goods over.');
    await card.getByRole('button', { name: 'Continue' }).click();
    const before = await onHand(demo);

    await card.getByRole('button', { name: 'Resolve: goods handed out' }).dblclick();
    await card
      .getByRole('alert')
      .filter({ hasText: 'No connection, so this may not have been saved.' })
      .waitFor();
    await page.screenshot({ path: 'test-artifacts/desk-conflicts-lost-answer-en.png', fullPage: true });
    await card.getByRole('button', { name: 'Resolve: goods handed out' }).click();

    await page.getByText(`Resolved: stock at Phnom Penh Central Shelter went down by ${GOODS}.`).waitFor();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ key: sent[0]?.key, replayed: 'true' });
    expect(await entriesOf(demo, conflictId)).toHaveLength(1);
    const after = await onHand(demo);
    for (const line of VOUCHER_LINES)
      expect(after[line.itemId]).toBe((before[line.itemId] ?? 0) - line.quantity);
    for (const row of await balancesAgainstLedger(demo, 'pp-central', ITEMS))
      expect(row.onHand).toBe(row.ledger);
  });

  it('says in its own words when the stock on record cannot cover the goods, and books nothing', async () => {
    const { demo, page } = lead;
    const { voucher, conflictId } = await handedOverTwice(demo);
    // The shelf was counted meanwhile, lower than these goods: the record cannot give them.
    const counted = await demo.http('POST', '/v1/shelters/pp-central/counts', demo.keys.logistics, {
      lines: [{ itemId: 'mosquito-net', counted: 1 }],
    });
    expect(counted.status).toBe(201);
    await openConflictsAtCentral(page, demo.keys.logistics);
    const card = cardOf(page, voucher.id);
    await card.getByRole('button', { name: 'Resolve this conflict' }).click();
    await card.getByLabel('Yes, the goods were handed out').check();
    await card.getByLabel('What the desks found').fill('Both desks handed the goods over.');
    await card.getByRole('button', { name: 'Continue' }).click();

    await card.getByRole('button', { name: 'Resolve: goods handed out' }).click();

    await card
      .getByRole('alert')
      .filter({
        hasText:
          'The stock on record at Phnom Penh Central Shelter is lower than these goods, so they cannot be booked out. Count the shelf first',
      })
      .waitFor();
    expect(await entriesOf(demo, conflictId)).toEqual([]);
    const open = await demo.http('GET', `/v1/conflicts/${conflictId}`, demo.keys.logistics);
    expect(open.body).toMatchObject({ status: 'open' });
    // Put the shelf back as the other tests know it.
    await demo.http('POST', '/v1/shelters/pp-central/receipts', demo.keys.logistics, {
      source: 'E2E top-up',
      lines: [{ itemId: 'mosquito-net', quantity: 400 }],
    });
  });
});

describe('/desk#conflicts on a laptop', () => {
  const suite = demoInChromium();

  it('sets the sections beside the navigation and the two sides of a conflict side by side; axe finds nothing serious', async () => {
    const { demo, browser } = suite;
    const { voucher } = await handedOverTwice(demo);
    const context = await browser.newContext({
      baseURL: demo.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Asia/Phnom_Penh',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await openConflictsAtCentral(page, demo.keys.logistics);
    const card = cardOf(page, voucher.id);
    await card.getByRole('button', { name: 'Resolve this conflict' }).click();

    const phoneSide = await card.getByRole('group', { name: 'What the phone recorded' }).boundingBox();
    const serverSide = await card.getByRole('group', { name: 'What the server had' }).boundingBox();
    const nav = await page.getByRole('navigation').boundingBox();
    const section = await page.getByRole('region', { name: 'Conflicts' }).boundingBox();
    expect(serverSide?.x).toBeGreaterThan((phoneSide?.x ?? 0) + (phoneSide?.width ?? 0) - 1);
    expect(serverSide?.y).toBe(phoneSide?.y);
    expect(section?.x).toBeGreaterThan((nav?.x ?? 0) + (nav?.width ?? 0) - 1);
    await page.screenshot({ path: 'test-artifacts/desk-conflicts-laptop-en.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, '/desk#conflicts on a laptop');
    await context.close();
  });
});

describe('/desk#conflicts in Khmer on a 360x740 phone', () => {
  const lead = accessiblePhonePerTest('desk-conflicts', 'km');
  afterEach(async () => {
    await revokeAllDevices(lead.demo, 'pp-central');
  });

  it('shows both sides, the confirm step and the answer in Khmer, with Khmer digits and dates; axe finds nothing serious', async () => {
    const { demo, page, check } = lead;
    const { voucher, conflictId } = await handedOverTwice(demo);
    await openIn(page, '/desk#conflicts', 'km');
    await openKeyForm(page);
    await page.locator('#signin-key').fill(demo.keys.logistics);
    await page.locator('#signin-key').press('Enter');
    await page.locator('#desk-shelter').selectOption('pp-central');
    const card = cardOf(page, voucher.id);
    await card.getByRole('heading', { name: 'ប្រគល់ពីរដង' }).waitFor();
    const serverSide = card.getByRole('group', { name: 'អ្វីដែលម៉ាស៊ីនមេមាន' });
    expect(await fact(serverSide, 'បានប្រគល់នៅ')).toMatch(KHMER_DAY_TIME);
    expect(await fact(card, 'សម្ភារៈ')).toBe('៥ គីឡូ អង្ករ, ៣០ លីត្រ ទឹកស្អាត, ២ × មុង');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('list');

    await card.getByRole('button', { name: 'ដោះស្រាយជម្លោះនេះ' }).click();
    await card.getByLabel('បាទ/ចាស សម្ភារៈត្រូវបានប្រគល់').check();
    await card.getByLabel('អ្វីដែលតុបានរកឃើញ').fill('តុទាំងពីរបានប្រគល់សម្ភារៈ');
    await card.getByRole('button', { name: 'បន្ត' }).click();
    const confirm = card.getByRole('group', { name: 'សូមពិនិត្យមុនពេលដោះស្រាយ' });
    expect(await text(confirm)).toContain('ស្តុកនៅ Phnom Penh Central Shelter ថយចុះ ៥ គីឡូ អង្ករ');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    await check('confirm');

    await confirm.getByRole('button', { name: 'ដោះស្រាយ៖ សម្ភារៈត្រូវបានប្រគល់' }).click();
    await page.getByText('បានដោះស្រាយ៖ ស្តុកនៅ Phnom Penh Central Shelter បានថយចុះ').waitFor();
    expect(await entriesOf(demo, conflictId)).toHaveLength(1);
    await page.getByLabel('បានដោះស្រាយ', { exact: true }).check();
    await cardOf(page, voucher.id).waitFor();
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    await check('resolved-list');
  });
});
