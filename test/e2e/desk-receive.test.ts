import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { balance, type DemoServer } from './support/demo-server.js';
import { tabTo } from './support/desk-page.js';
import { latinDigitsOnScreen, scrollWidth } from './support/khmer.js';
import { balancesAgainstLedger, ledgerOf } from './support/ledger-api.js';
import { openKeyForm } from './support/sign-in.js';

/** Canned fish arrives in cases of 24 tins: the desk counts cases. */
async function givePackSizes(demo: DemoServer) {
  const patched = await demo.http('PATCH', '/v1/items/canned-fish', demo.keys.logistics, {
    packSizes: [{ name: 'case', units: 24 }],
  });
  expect(patched.status).toBe(200);
}

/** Signs in at /desk#receive with the keyboard and picks Phnom Penh Central. */
async function openReceiveAtCentral(page: Page, key: string, heading = 'Receive') {
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-key').press('Enter');
  await page.locator('#view-desk').waitFor({ state: 'visible' });
  await page.locator('#desk-shelter').selectOption('pp-central');
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

/** What a wedge scanner does: the code typed fast into the focused field, then Enter. */
async function wedgeScan(page: Page, code: string) {
  await page.getByLabel('Scan or type a code').focus();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

describe('/desk#receive on a 360x740 phone: the logistics lead receives a truck', () => {
  const lead = accessiblePhonePerTest('desk-receive', 'en');

  it('a receipt by item label (wedge scanner) and by name with cases of 24: checked, booked once on a double press, a printable note, every balance equal to its ledger', async () => {
    const { demo, page, check } = lead;
    await givePackSizes(demo);
    const riceBefore = (await balance(demo, 'pp-central', 'rice'))?.onHand ?? 0;
    const fishBefore = (await balance(demo, 'pp-central', 'canned-fish'))?.onHand ?? 0;
    const receiptsBefore = (await ledgerOf(demo, 'pp-central')).filter((entry) => entry.type === 'receipt');

    await openIn(page, '/desk#receive', 'en');
    await openReceiveAtCentral(page, demo.keys.logistics);
    const section = page.locator('#desk-receive');

    // Nothing filled: errors beside the fields, a summary on top, nothing sent.
    await section.getByRole('button', { name: 'Continue' }).click();
    const summary = section.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter who sent the goods');
    expect(await summary.textContent()).toContain('Add at least one item');
    await check('errors');

    await section.getByRole('radio', { name: 'Given by a donor' }).check();
    await section.getByLabel('Donor or supplier').fill('WFP Cambodia');
    await section.getByLabel('Waybill number (optional)').fill('WB-2026-0412');

    // A printed item label read by a wedge scanner: the code names the item, the line opens.
    await wedgeScan(page, 'supplyline:item:rice');
    const riceLine = section.getByRole('group', { name: 'Rice' });
    await riceLine.waitFor();
    await section.getByText('Rice added: enter how many arrived.').waitFor();
    // The focus went to the new line's quantity: the lead types on.
    expect(
      await page.evaluate(
        'document.activeElement?.closest("fieldset")?.querySelector("legend")?.textContent',
      ),
    ).toBe('Rice');
    await page.keyboard.type('250');

    // A code no item has: said plainly, nothing added, the code not repeated on screen.
    await wedgeScan(page, '4006381333931');
    await section.getByText('No item has this barcode yet.', { exact: false }).waitFor();
    expect(await section.locator('fieldset.receive-line').count()).toBe(1);

    // By name: typing filters the catalogue; a case of 24, three cases.
    await section.getByLabel('Find an item by name').fill('fish');
    await section.getByRole('button', { name: 'Add Canned fish' }).click();
    const fishLine = section.getByRole('group', { name: 'Canned fish' });
    await fishLine.getByLabel('Counted in').selectOption({ label: 'case of 24' });
    await fishLine.getByLabel('How many').fill('3');
    await fishLine.getByText('Total: 72').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('lines');

    await section.getByRole('button', { name: 'Continue' }).click();
    const confirm = section.getByRole('group', { name: 'Check the receipt before it is recorded' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('250 kg Rice, 72 Canned fish (3 × case of 24)');
    expect(await confirm.textContent()).toContain('WB-2026-0412');
    await check('confirm');

    // A double press books once: one Idempotency-Key for the one intended receipt.
    const go = confirm.getByRole('button', { name: 'Receive 2 lines of goods' });
    await go.dblclick();
    const note = section.getByRole('article').filter({ hasText: 'Goods received note' });
    await note.waitFor();
    await note
      .getByText('Received at Phnom Penh Central Shelter: 250 kg Rice, 72 Canned fish (3 × case of 24).')
      .waitFor();
    expect(await note.textContent()).toContain('WFP Cambodia · Given by a donor');
    const rows = note.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Rice250 kg');
    expect(await rows.nth(2).textContent()).toContain('72 (3 × case)');
    expect(await note.getByRole('button', { name: 'Print the receipt' }).isVisible()).toBe(true);
    await check('receipt');

    const receipts = (await ledgerOf(demo, 'pp-central')).filter((entry) => entry.type === 'receipt');
    expect(receipts.length).toBe(receiptsBefore.length + 1);
    expect((await balance(demo, 'pp-central', 'rice'))?.onHand).toBe(riceBefore + 250);
    expect((await balance(demo, 'pp-central', 'canned-fish'))?.onHand).toBe(fishBefore + 72);
    for (const row of await balancesAgainstLedger(demo, 'pp-central', ['rice', 'canned-fish']))
      expect(row.onHand, row.itemId).toBe(row.ledger);

    // Printing shows the note alone (the print style sheet), and the form comes back empty.
    await page.evaluate(
      'window.print = () => { window.__printed = document.querySelector(".print-now")?.className ?? "" }',
    );
    await note.getByRole('button', { name: 'Print the receipt' }).click();
    expect(await page.evaluate('window.__printed')).toContain('receipt');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-artifacts/desk-receive-receipt-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await note.getByRole('button', { name: 'Receive more goods' }).click();
    expect(await section.getByLabel('Donor or supplier').inputValue()).toBe('');
    expect(await section.locator('fieldset.receive-line').count()).toBe(0);
  });

  it('prints an A4 sheet of QR labels for an item without a barcode, by keyboard', async () => {
    const { demo, page } = lead;
    await openIn(page, '/desk#receive', 'en');
    await openReceiveAtCentral(page, demo.keys.logistics);
    await page.evaluate(
      'window.print = () => { window.__printed = document.querySelector(".print-now svg")?.outerHTML.length ?? 0 }',
    );
    await tabTo(
      page,
      async () => (await page.evaluate('document.activeElement?.textContent')) === 'Print labels for Rice',
    );
    await page.keyboard.press('Enter');
    // A function, not a string: the page's CSP refuses eval, which a string predicate needs.
    await page.waitForFunction(() => (globalThis as unknown as { __printed: number }).__printed > 0);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-artifacts/desk-receive-labels-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('/desk#receive in Khmer', () => {
  const lead = accessiblePhonePerTest('desk-receive', 'km');

  it('says every word in Khmer, numbers in Khmer digits, and passes axe', async () => {
    const { demo, page, check } = lead;
    await openIn(page, '/desk#receive', 'km');
    await openReceiveAtCentral(page, demo.keys.logistics, 'ទទួលទំនិញ');
    await page.getByLabel('ស្វែងរកទំនិញតាមឈ្មោះ').fill('អង្ករ');
    await page.getByRole('button', { name: 'បន្ថែម អង្ករ' }).click();
    await page.getByRole('group', { name: 'អង្ករ' }).getByLabel('ចំនួន').fill('២៥');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('lines');
  });
});
