import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { personWithKey } from '../support/people-fixtures.js';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { phone as newContext } from './support/browser.js';
import type { DemoServer } from './support/demo-server.js';
import { signInToDesk } from './support/desk-page.js';
import { scrollWidth } from './support/khmer.js';
import { balancesAgainstLedger, ledgerOf } from './support/ledger-api.js';
import { openKeyForm } from './support/sign-in.js';

const LAPTOP = { width: 1280, height: 800 };
/** Ta Khmau holds 500 kg rice, 200 blankets and 150 packs of soap (the demo's opening stock). */
const COUNTED = ['rice', 'blanket', 'soap'];

/** Two logistics leads of Ta Khmau, each a person with their own key: Sokha counts, Dara approves. */
async function leads(demo: DemoServer) {
  const lead = { role: 'logistics' as const, scope: { shelterIds: ['ta-khmau'] } };
  const sokha = await personWithKey(demo.t, demo.keys.admin, { displayName: 'Sokha', ...lead });
  const dara = await personWithKey(demo.t, demo.keys.admin, { displayName: 'Dara', ...lead });
  return { sokha: sokha.apiKey, dara: dara.apiKey };
}

/** Starts a count of rice, blankets and soap from the page, as a lead does; answers its id. */
async function startCount(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Start a count' }).waitFor();
  await page.getByLabel('Only the items I choose').check();
  for (const name of ['Rice', 'Blanket', 'Soap']) await page.getByLabel(name, { exact: true }).check();
  await page.getByRole('button', { name: 'Start the count' }).click();
  await page.getByRole('heading', { name: 'Counting at Ta Khmau Safe House' }).waitFor();
  const id = new URL(page.url()).hash.replace('#count=', '');
  expect(id).toMatch(/^cnt_/);
  return id;
}

/** The item on a phone's screen, by its name as shown above its field. */
async function itemOnScreen(page: Page): Promise<string> {
  return (await page.locator('.count-lines tr.current .item-name').textContent()) ?? '';
}

/** Reads the item on screen, types what is on its shelf and moves on with Enter, as on a phone. */
async function countOnPhone(page: Page, shelf: Record<string, string>) {
  const item = await itemOnScreen(page);
  const value = shelf[item];
  if (value === undefined) throw new Error(`no count for ${item}`);
  const field = page.getByRole('textbox', { name: item });
  await field.fill(value);
  await field.press('Enter');
}

/** The count fields a person sees now. */
function visibleFields(page: Page) {
  return page.locator('input.count-input:visible').count();
}

async function sessionOnServer(demo: DemoServer, key: string, id: string) {
  const read = await demo.http('GET', `/v1/count-sessions/${id}`, key);
  expect(read.status).toBe(200);
  return read.body as { status: string; countedCount: number; lines: Array<Record<string, unknown>> };
}

describe('/desk#count on a 360x740 phone: a blind count, approved by a second person', () => {
  const lead = accessiblePhonePerTest('desk-count', 'en');
  let people: Awaited<ReturnType<typeof leads>> | undefined;

  it('counts blind one item per screen, submits, asks for a reason, refuses the counter’s own approval plainly, and posts once on a second person’s approval; every balance equals its ledger', async () => {
    const { demo, page, check, browser } = lead;
    people ??= await leads(demo);
    await signInToDesk(page, people.sokha, '/desk#count');
    const id = await startCount(page);

    // Blind: nothing the books say is on screen (500 kg, 200, 150), and no "On record" column.
    // biome-ignore lint/performance/useDomNodeTextContent: what the screen shows, hidden text left out
    expect(await page.locator('#view-desk').innerText()).not.toMatch(/On record|\b500\b|\b200\b|\b150\b/);
    // One item per screen on a phone.
    await page.getByText('Item 1 of 3').waitFor();
    expect(await visibleFields(page)).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('counting');

    // A wrong entry is said beside its field, and the screen stays on it.
    const first = await itemOnScreen(page);
    await countOnPhone(page, { [first]: 'ten' });
    await page.getByText('Enter what is on the shelf, as a number: 0 or more.').waitFor();
    const shelf = { Rice: '500', Blanket: '190', Soap: '150' };
    await countOnPhone(page, shelf);
    await page.getByText('Item 2 of 3').waitFor();
    await countOnPhone(page, shelf);
    await countOnPhone(page, shelf);
    await page.getByText('3 of 3 items counted. Every line entered is saved on the server.').waitFor();
    expect((await sessionOnServer(demo, people.sokha, id)).countedCount).toBe(3);

    await page.getByRole('button', { name: 'Submit the count' }).click();
    await page.getByRole('group', { name: 'Check before you submit' }).waitFor();
    await check('submit-check');
    await page.getByRole('button', { name: 'Submit and see the differences' }).click();
    await page.getByRole('heading', { name: 'Count at Ta Khmau Safe House: waiting for approval' }).waitFor();
    const blanketRow = page.locator('table.count-review tr').filter({ hasText: 'Blanket' });
    expect(await blanketRow.textContent()).toContain('−10');
    expect(await blanketRow.textContent()).toContain('beyond tolerance');
    const before = await ledgerOf(demo, 'ta-khmau');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('differences');

    // A reason for the line beyond tolerance, given beside it.
    await page.getByLabel('Reason').fill('Ten blankets lent to the clinic hall on Monday');
    await page.getByRole('button', { name: 'Save the reason for Blanket' }).click();
    await page.getByText('Reason for Blanket saved.').waitFor();

    // Sokha counted the line beyond tolerance: the API refuses her approval, and the page says why.
    await page.getByRole('button', { name: 'Approve this count' }).click();
    await page.getByRole('button', { name: 'Approve and correct the stock' }).click();
    await page
      .getByText('You counted lines beyond tolerance, so you cannot approve this count.', { exact: false })
      .waitFor();
    await check('refused');
    expect(await ledgerOf(demo, 'ta-khmau')).toHaveLength(before.length);

    // Dara, on her laptop, opens the same count: who counted, the differences and the reason.
    const laptop = await newContext(browser, demo.baseUrl, { viewport: LAPTOP });
    try {
      const second = await laptop.newPage();
      await signInToDesk(second, people.dara, `/desk#count=${id}`);
      await second
        .getByRole('heading', { name: 'Count at Ta Khmau Safe House: waiting for approval' })
        .waitFor();
      const facts = await second.locator('#view-desk .facts').first().textContent();
      expect(facts).toContain('Sokha');
      const row = second.locator('table.count-review tr').filter({ hasText: 'Blanket' });
      expect(await row.textContent()).toContain('Ten blankets lent to the clinic hall on Monday');
      await second.screenshot({ path: 'test-artifacts/desk-count-approve-laptop-en.png', fullPage: true });
      await second.getByRole('button', { name: 'Approve this count' }).click();
      // A double press books once: one Idempotency-Key for the one intended change.
      await second.getByRole('button', { name: 'Approve and correct the stock' }).dblclick();
      await second.getByText('Approved: the stock on record is corrected.').waitFor();
      await second.getByRole('heading', { name: 'Count at Ta Khmau Safe House: posted' }).waitFor();
      await second.screenshot({ path: 'test-artifacts/desk-count-posted-laptop-en.png', fullPage: true });
    } finally {
      await laptop.close();
    }

    expect((await sessionOnServer(demo, people.dara, id)).status).toBe('posted');
    const after = await ledgerOf(demo, 'ta-khmau');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)?.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ itemId: 'blanket', quantity: -10 })]),
    );
    const audit = await balancesAgainstLedger(demo, 'ta-khmau', COUNTED);
    for (const row of audit) expect(row.onHand).toBe(row.ledger);
    expect(audit.find((row) => row.itemId === 'blanket')?.onHand).toBe(190);
  });

  it('keeps a draft counted offline through a reload, sends it when online, and goes on from another device', async () => {
    const { demo, page, context, browser, check } = lead;
    people ??= await leads(demo);
    await signInToDesk(page, people.sokha, '/desk#count');
    const id = await startCount(page);

    await context.setOffline(true);
    // Two of the three items counted with no network (the third left for another device).
    const shelf = { Rice: '480', Blanket: '190' };
    await countOnPhone(page, shelf);
    await countOnPhone(page, shelf);
    await page
      .getByText('2 kept on this device, to be sent when there is a network.', { exact: false })
      .waitFor();
    await check('offline-kept');
    expect((await sessionOnServer(demo, people.sokha, id)).countedCount).toBe(0);

    // The page is reloaded while there is no network: it cannot load, and nothing is lost.
    await page.reload().catch(() => undefined);
    await context.setOffline(false);
    await page.goto(`/desk#count=${id}`);
    await page.getByText('2 of 3 items counted. Every line entered is saved on the server.').waitFor();
    const shown = await itemOnScreen(page);
    expect(await page.getByRole('textbox', { name: shown }).inputValue()).toBe(
      shelf[shown as keyof typeof shelf],
    );
    const onServer = await sessionOnServer(demo, people.sokha, id);
    expect(onServer.countedCount).toBe(2);

    // Dara goes on with the same draft on her laptop: the table shows what is counted so far.
    const laptop = await newContext(browser, demo.baseUrl, { viewport: LAPTOP });
    try {
      const second = await laptop.newPage();
      await signInToDesk(second, people.dara, '/desk#count');
      await second
        .getByRole('link', { name: /Go on with the count started .* by Sokha \(2 of 3 counted\)/ })
        .click();
      expect(await second.getByRole('textbox', { name: 'Blanket' }).inputValue()).toBe('190');
      // A table on a laptop: every line at once, still blind.
      expect(await second.getByRole('textbox', { name: 'Soap' }).isVisible()).toBe(true);
      expect(await second.locator('#view-desk').textContent()).not.toContain('On record');
      await second.getByRole('textbox', { name: 'Soap' }).fill('150');
      await second.getByRole('textbox', { name: 'Soap' }).press('Tab');
      await second.getByText('3 of 3 items counted. Every line entered is saved on the server.').waitFor();
      await second.screenshot({ path: 'test-artifacts/desk-count-table-laptop-en.png', fullPage: true });
      await second.emulateMedia({ media: 'print' });
      await second.screenshot({ path: 'test-artifacts/desk-count-sheet-print-en.png', fullPage: true });
      expect(await second.getByText('Count sheet: Ta Khmau Safe House').isVisible()).toBe(true);
    } finally {
      await laptop.close();
    }
    expect((await sessionOnServer(demo, people.sokha, id)).countedCount).toBe(3);
  });
});

describe('/desk#count in Khmer on a 360x740 phone', () => {
  const lead = accessiblePhonePerTest('desk-count', 'km');

  it('starts and counts in Khmer, axe-clean, the item names in Khmer', async () => {
    const { demo, page, check } = lead;
    const { sokha } = await leads(demo);
    await openIn(page, '/desk#count', 'km');
    await openKeyForm(page);
    await page.locator('#signin-key').fill(sokha);
    await page.locator('#signin-key').press('Enter');
    await page.getByRole('heading', { name: 'ចាប់ផ្តើមរាប់' }).waitFor();
    await check('start');
    await page.getByRole('button', { name: 'ចាប់ផ្តើមការរាប់' }).click();
    await page.getByText(/^ទំនិញទី ១ នៃ /).waitFor();
    expect(await page.locator('#view-desk').textContent()).toContain('អង្ករ');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('counting');
  });
});
