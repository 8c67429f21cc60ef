import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { personWithKey } from '../support/people-fixtures.js';
import { accessiblePhonePerTest, openIn, SMALL_PHONE } from './support/accessible-phone.js';
import { phone as newContext } from './support/browser.js';
import { balance, type DemoServer } from './support/demo-server.js';
import { focusedText, signInToDesk, tabTo } from './support/desk-page.js';
import { latinDigitsOnScreen, scrollWidth } from './support/khmer.js';
import { balancesAgainstLedger } from './support/ledger-api.js';

const LAPTOP = { width: 1280, height: 800 };
const CENTRAL = 'Phnom Penh Central Shelter';
const TA_KHMAU = 'Ta Khmau Safe House';

/** A logistics lead of Ta Khmau only, a person with their own key: the receiving end. */
async function taKhmauLead(demo: DemoServer): Promise<string> {
  const lead = await personWithKey(demo.t, demo.keys.admin, {
    displayName: 'Srey Leak',
    role: 'logistics',
    scope: { shelterIds: ['ta-khmau'] },
  });
  return lead.apiKey;
}

async function transfersInTransit(demo: DemoServer, shelterId: string, direction: 'incoming' | 'outgoing') {
  const listed = await demo.http(
    'GET',
    `/v1/transfers?shelterId=${shelterId}&direction=${direction}&status=in_transit&limit=200`,
    demo.keys.logistics,
  );
  expect(listed.status).toBe(200);
  return listed.body.items as Array<{ id: string; lines: Array<{ itemId: string; quantity: number }> }>;
}

/** What a camera sees: the waybill on screen, photographed, its QR code decoded from the pixels. */
async function readWaybillQr(page: Page): Promise<string> {
  const shot = PNG.sync.read(await page.locator('.waybill-sheet > svg').screenshot());
  const decoded = jsQR.default(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  if (decoded === null) throw new Error('the waybill on screen shows no readable QR code');
  return decoded.data;
}

/** The dispatch form, filled as a lead at Phnom Penh Central does on a laptop. */
async function fillDispatch(page: Page, goods: Array<[itemId: string, quantity: string]>) {
  const section = page.locator('#desk-transfer');
  await section.getByLabel('To', { exact: true }).selectOption({ label: TA_KHMAU });
  for (const [itemId, quantity] of goods) {
    await section.getByLabel('Item to add').selectOption(itemId);
    await section.getByRole('button', { name: 'Add the item' }).click();
    await page
      .locator('#desk-transfer fieldset.receive-line')
      .last()
      .getByLabel('How many to send')
      .fill(quantity);
  }
}

describe('/desk#transfer: goods sent on a laptop, received on a phone by scanning the waybill', () => {
  const receiver = accessiblePhonePerTest('desk-transfer', 'en');

  it('dispatches with a check step (a double press books once), prints a waybill whose QR code opens the receive form at Ta Khmau, where a short line needs a reason; every balance equals its ledger', async () => {
    const { demo, page, check, browser } = receiver;
    const leadKey = await taKhmauLead(demo);
    const before = {
      centralRice: (await balance(demo, 'pp-central', 'rice'))?.onHand ?? 0,
      centralBlanket: (await balance(demo, 'pp-central', 'blanket'))?.onHand ?? 0,
      taKhmauRice: (await balance(demo, 'ta-khmau', 'rice'))?.onHand ?? 0,
      taKhmauBlanket: (await balance(demo, 'ta-khmau', 'blanket'))?.onHand ?? 0,
      outgoing: (await transfersInTransit(demo, 'pp-central', 'outgoing')).length,
    };

    const laptop = await newContext(browser, demo.baseUrl, { viewport: LAPTOP });
    let address: string;
    try {
      const sender = await laptop.newPage();
      await signInToDesk(sender, demo.keys.logistics, '/desk#transfer');
      await sender.locator('#desk-shelter').selectOption('pp-central');
      const section = sender.locator('#desk-transfer');
      await section.getByRole('heading', { name: 'Send goods to another shelter' }).waitFor();
      // What is available is shown beside the choice.
      await section
        .getByLabel('Item to add')
        .locator('option', { hasText: 'Rice: 2,400 kg available' })
        .waitFor({
          state: 'attached',
        });

      // Nothing chosen: errors beside the fields, nothing sent.
      await section.getByRole('button', { name: 'Continue' }).click();
      const summary = section.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Choose the shelter the goods go to');
      expect(await summary.textContent()).toContain('Add at least one item to send');

      // More than is available is refused beside the line.
      await fillDispatch(sender, [
        ['rice', '100000'],
        ['blanket', '20'],
      ]);
      await section.getByRole('button', { name: 'Continue' }).click();
      await section.getByText('Only 2,400 kg of Rice is available: send that or less').first().waitFor();
      await section.getByRole('group', { name: 'Rice' }).getByLabel('How many to send').fill('100');
      await section.getByLabel('Vehicle (optional)').fill('Truck 2C-4417');
      await section.getByLabel('Note for the driver (optional)').fill('Call the lead at the back gate.');
      await sender.screenshot({
        path: 'test-artifacts/desk-transfer-dispatch-laptop-en.png',
        fullPage: true,
      });
      await section.getByRole('button', { name: 'Continue' }).click();

      const confirm = section.getByRole('group', { name: 'Check the transfer before the goods leave' });
      await confirm.waitFor();
      const checked = (await confirm.textContent())?.replaceAll('\u00a0', ' ');
      expect(checked).toContain(CENTRAL);
      expect(checked).toContain(TA_KHMAU);
      expect(checked).toContain('100 kg Rice, 20 × Blanket');
      expect(checked).toContain('Truck 2C-4417');
      // A double press books once: one Idempotency-Key for the one intended transfer.
      await confirm.getByRole('button', { name: 'Send 2 lines of goods' }).dblclick();
      await section.getByText(/^Sent to Ta Khmau Safe House: 100\skg Rice, 20\s× Blanket\./).waitFor();
      await section.locator('.waybill-sheet > svg').waitFor();
      await sender.screenshot({ path: 'test-artifacts/desk-transfer-waybill-laptop-en.png', fullPage: true });

      const outgoing = await transfersInTransit(demo, 'pp-central', 'outgoing');
      expect(outgoing).toHaveLength(before.outgoing + 1);
      expect((await balance(demo, 'pp-central', 'rice'))?.onHand).toBe(before.centralRice - 100);

      // The waybill prints alone, on A4.
      await sender.evaluate(
        'window.print = () => { window.__printed = document.querySelector(".print-now svg") ? "waybill" : "" }',
      );
      await section.getByRole('button', { name: 'Print the waybill' }).click();
      expect(await sender.evaluate('window.__printed')).toBe('waybill');
      await sender.emulateMedia({ media: 'print' });
      await sender.screenshot({ path: 'test-artifacts/desk-transfer-waybill-print.png', fullPage: true });
      await sender.emulateMedia({ media: 'screen' });

      address = await readWaybillQr(sender);
      expect(address).toBe(`${demo.baseUrl}/desk#transfer=${outgoing[0]?.id}`);
      // The sender's list shows it on its way.
      await section.getByRole('button', { name: 'Send more goods' }).click();
      await section
        .getByRole('link', { name: /^Waybill of the goods to Ta Khmau Safe House/ })
        .first()
        .waitFor();
    } finally {
      await laptop.close();
    }

    // At Ta Khmau, the lead's phone opens what the QR code holds.
    const opened = new URL(address);
    await signInToDesk(page, leadKey, `${opened.pathname}${opened.hash}`);
    const detail = page.locator('#desk-transfer');
    // A key of Ta Khmau alone reads no other shelter (GET /v1/shelters): the sender is named by
    // its id, as the transfer holds it; the printed waybill names it in full.
    await detail.getByRole('heading', { name: `Transfer from pp-central to ${TA_KHMAU}` }).waitFor();
    const rice = detail.getByRole('group', { name: 'Rice' });
    await rice.getByText('Sent: 100 kg').waitFor();
    expect(await rice.getByLabel('Arrived').inputValue()).toBe('100');
    expect(await rice.getByLabel('Why it differs').isVisible()).toBe(false);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('receive-form');

    // Five sacks' worth short: a reason is asked beside the line, and nothing is booked without it.
    await rice.getByLabel('Arrived').fill('95');
    await detail.getByRole('button', { name: 'Continue' }).click();
    await detail
      .getByRole('alert')
      .filter({ hasText: 'Rice: 95 kg arrived of 100 kg sent. Choose why' })
      .waitFor();
    await check('receive-errors');
    await rice.getByLabel('Why it differs').selectOption({ label: 'Damaged: arrived unusable' });
    await detail.getByRole('button', { name: 'Continue' }).click();
    const confirm = detail.getByRole('group', { name: 'Check what arrived before it is recorded' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Rice: −5 kg (Damaged: arrived unusable)');
    await check('receive-check');
    await confirm.getByRole('button', { name: 'Receive 2 lines of goods' }).dblclick();
    await detail.getByText(/^Received at Ta Khmau Safe House: 95\skg Rice, 20\s× Blanket\.$/).waitFor();
    await detail.getByText('Differences booked in the ledger of Ta Khmau Safe House:').waitFor();
    const riceLine = detail.getByRole('listitem').filter({ hasText: 'Rice' });
    expect(await riceLine.textContent()).toContain('100 kg sent, 95 kg arrived');
    expect(await riceLine.textContent()).toContain('Difference −5 kg: Damaged: arrived unusable');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('received');

    expect((await balance(demo, 'ta-khmau', 'rice'))?.onHand).toBe(before.taKhmauRice + 95);
    expect((await balance(demo, 'ta-khmau', 'blanket'))?.onHand).toBe(before.taKhmauBlanket + 20);
    expect((await balance(demo, 'pp-central', 'blanket'))?.onHand).toBe(before.centralBlanket - 20);
    for (const shelterId of ['pp-central', 'ta-khmau'])
      for (const row of await balancesAgainstLedger(demo, shelterId, ['rice', 'blanket']))
        expect(row.onHand, `${shelterId} ${row.itemId}`).toBe(row.ledger);

    // The same address again: received already, and when.
    await page.goto('/desk#transfer');
    await page.goto(`${opened.pathname}${opened.hash}`);
    await detail.getByText(/^Received .*\d{2}:\d{2}\.$/).waitFor();
  });

  it('says so, with when, when the transfer was received meanwhile elsewhere (409), and books nothing', async () => {
    const { demo, page } = receiver;
    const leadKey = await taKhmauLead(demo);
    const sent = await demo.http('POST', '/v1/transfers', demo.keys.logistics, {
      fromShelterId: 'pp-central',
      toShelterId: 'ta-khmau',
      lines: [{ itemId: 'soap', quantity: 12 }],
    });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    await signInToDesk(page, leadKey, `/desk#transfer=${id}`);
    const detail = page.locator('#desk-transfer');
    await detail.getByRole('group', { name: 'Soap' }).waitFor();

    const elsewhere = await demo.http('POST', `/v1/transfers/${id}/receive`, demo.keys.logistics, {
      lines: [{ itemId: 'soap', quantity: 12 }],
    });
    expect(elsewhere.status).toBe(200);
    const soapBefore = (await balance(demo, 'ta-khmau', 'soap'))?.onHand;

    await detail.getByRole('button', { name: 'Continue' }).click();
    await detail.getByRole('button', { name: /^Receive 12\spacks Soap/ }).click();
    await detail.getByText(/^This transfer was already received, .*\. Nothing more to record\.$/).waitFor();
    expect((await balance(demo, 'ta-khmau', 'soap'))?.onHand).toBe(soapBefore);
  });
});

describe('/desk#transfer by keyboard alone', () => {
  const lead = accessiblePhonePerTest('desk-transfer-keyboard', 'en');

  it('receives a transfer with a short line, its reason and note, without a pointer', async () => {
    const { demo, page } = lead;
    const leadKey = await taKhmauLead(demo);
    const sent = await demo.http('POST', '/v1/transfers', demo.keys.logistics, {
      fromShelterId: 'pp-central',
      toShelterId: 'ta-khmau',
      lines: [{ itemId: 'soap', quantity: 24 }],
    });
    expect(sent.status).toBe(201);
    await signInToDesk(page, leadKey, `/desk#transfer=${sent.body.id as string}`);
    const soap = page.getByRole('group', { name: 'Soap' });
    await soap.waitFor();

    // The Arrived field is the first text field of the form, after the shell's own controls.
    await tabTo(
      page,
      async () => (await page.evaluate('document.activeElement?.getAttribute("inputmode")')) === 'decimal',
    );
    await page.keyboard.press('Control+A');
    await page.keyboard.type('22');
    await page.keyboard.press('Tab');
    // The reason's choice, then the note, follow the line that differs.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await soap.getByLabel('Why it differs').inputValue()).toBe('lost');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Two packs fell off at the river crossing');
    await tabTo(page, async () => (await focusedText(page)) === 'Continue');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Check what arrived before it is recorded' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Soap: −2 packs (Lost on the way)');
    await tabTo(page, async () => /^Receive 22\spacks Soap$/.test(await focusedText(page)));
    await page.keyboard.press('Enter');
    await page
      .getByText('Difference −2 packs: Lost on the way: Two packs fell off at the river crossing')
      .waitFor();
  });
});

describe('/desk#transfer in Khmer on a 360x740 phone', () => {
  const lead = accessiblePhonePerTest('desk-transfer', 'km');

  it('says every word in Khmer with Khmer digits, the dispatch form and the stock in transit, and passes axe', async () => {
    const { demo, page, check } = lead;
    const sent = await demo.http('POST', '/v1/transfers', demo.keys.logistics, {
      fromShelterId: 'chbar-ampov',
      toShelterId: 'pp-central',
      lines: [{ itemId: 'water', quantity: 500 }],
      vehicle: 'Truck 2C-4417',
    });
    expect(sent.status).toBe(201);
    await openIn(page, '/desk#transfer', 'km');
    await signInToDesk(page, demo.keys.logistics, '/desk#transfer');
    await page.locator('#desk-shelter').selectOption('pp-central');
    await page.getByRole('heading', { name: 'ការផ្ទេរ', level: 2 }).waitFor();
    await page
      .getByRole('link', { name: /^ទទួលទំនិញពី/ })
      .first()
      .waitFor();
    await page.getByLabel('ទំនិញត្រូវបន្ថែម').selectOption('rice');
    await page.getByRole('button', { name: 'បន្ថែមទំនិញ' }).click();
    await page.getByLabel('ចំនួនត្រូវផ្ញើ').fill('២៥');
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('dispatch');

    // The receive form of the incoming transfer, in Khmer.
    await page
      .getByRole('link', { name: /^ទទួលទំនិញពី/ })
      .first()
      .click();
    await page.getByRole('group', { name: 'ទឹក' }).waitFor();
    expect(await latinDigitsOnScreen(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(SMALL_PHONE.width);
    await check('receive');
  });
});
