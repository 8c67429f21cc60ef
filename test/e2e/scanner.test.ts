import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balance, issueVoucher } from './support/demo-server.js';
import { phonePerTest } from './support/lifecycle.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';
import { openKeyForm } from './support/sign-in.js';

describe('/scan: a volunteer types voucher codes on a phone', () => {
  const phone = phonePerTest();

  it('shows what to hand over in large type, then records the handover', async () => {
    const { demo, page } = phone;
    const voucher = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    expect((await screenText(page)).lines).toEqual(['5 kg Rice', '30 L Drinking water', '2 × Mosquito net']);
    await page.screenshot({ path: 'test-artifacts/scan-en.png' });
    await page.getByRole('button', { name: 'Handed over' }).click();

    await waitForState(page, 'redeemed');
    const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
    expect(status.body).toMatchObject({ status: 'redeemed', pickupPointId: 'pp-central-gate' });
  });

  it('accepts a code typed in lower case without dashes', async () => {
    const { demo, page } = phone;
    const voucher = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, voucher.code.replaceAll('-', '').toLowerCase());

    await waitForState(page, 'ready');
  });

  it('says a voucher was already redeemed, where and when, and offers nothing to hand over', async () => {
    const { demo, page } = phone;
    const voucher = await issueVoucher(demo);
    const first = await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
      code: voucher.code,
      pickupPointId: 'pp-central-hall',
    });
    const redeemedAt = new Date(String(first.body.redeemedAt));
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, voucher.code);

    await waitForState(page, 'already-redeemed');
    const screen = await screenText(page);
    expect(screen.title).toBe('Already redeemed');
    expect(screen.detail).toContain('Clinic hall');
    const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Asia/Phnom_Penh' });
    expect(screen.detail).toContain(time.format(redeemedAt));
    expect(screen.lines).toEqual([]);
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
  });

  it('refuses a mistyped code and another shelter’s voucher, each with its reason', async () => {
    const { demo, page } = phone;
    const elsewhereVoucher = await issueVoucher(demo, {
      shelterId: 'ta-khmau',
      lines: [{ itemId: 'rice', quantity: 2 }],
    });
    const voucher = await issueVoucher(demo);
    const mistyped = voucher.code.slice(0, -1) + (voucher.code.endsWith('0') ? '1' : '0');
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, mistyped);
    await waitForState(page, 'invalid');
    expect((await screenText(page)).detail).toContain('typing mistake');

    await page.getByRole('button', { name: 'Next voucher' }).click();
    await typeCode(page, elsewhereVoucher.code);
    await waitForState(page, 'wrong-shelter');
    // The volunteer's key cannot list that shelter: the refusal itself names it.
    expect((await screenText(page)).detail).toBe(
      'This voucher is for Ta Khmau Safe House. Send the person there.',
    );
  });

  it('shows "offline, retrying" when the network drops at "Handed over" for a voucher not in its pool, and redeems exactly once when it returns', async () => {
    const { demo, context, page } = phone;
    const keysSent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/v1/redemptions'))
        keysSent.push(request.headers()['idempotency-key'] ?? '');
    });
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    // Issued after the phone took its pack: not on its list, so it is checked and redeemed online.
    const voucher = await issueVoucher(demo);
    const before = await balance(demo, 'pp-central', 'rice');
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'offline');
    expect((await screenText(page)).title).toBe('Offline, retrying');
    await context.setOffline(false);

    await waitForState(page, 'redeemed', 30_000);
    expect(new Set(keysSent).size).toBe(1);
    const after = await balance(demo, 'pp-central', 'rice');
    expect(after.onHand).toBe(before.onHand - 5);
    expect(after.reserved).toBe(before.reserved - 5);
  });

  it('stops retrying a check once the volunteer signs out: the phone sends the old key no more', async () => {
    const { demo, page, context } = phone;
    // A phone that never got its offline list: every check goes to the server, and retries.
    await page.route('**/v1/devices/*/pack*', (route) => route.abort('connectionreset'));
    const voucher = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'offline');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#view-signin').waitFor({ state: 'visible' });
    const sentAfterSignOut: string[] = [];
    page.on('request', (request) => sentAfterSignOut.push(new URL(request.url()).pathname));
    await context.setOffline(false);
    // Back online, a retry still running would go out at once, before the next sign-in's requests.
    await openKeyForm(page);
    await page.locator('#signin-key').fill(demo.keys.volunteer);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#view-point').waitFor({ state: 'visible' });

    expect(sentAfterSignOut[0]).toBe('/v1/me');
    expect(sentAfterSignOut).not.toContain('/v1/vouchers/verify');
  });

  it('retries with the same Idempotency-Key when the answer is lost, and the server replays it: one redemption', async () => {
    const { demo, page } = phone;
    const attempts: Array<{ key: string; replayed: string | undefined }> = [];
    await page.route('**/v1/redemptions', async (route) => {
      // The request reaches the server and commits; the phone never hears back the first time.
      const response = await route.fetch();
      attempts.push({
        key: route.request().headers()['idempotency-key'] ?? '',
        replayed: response.headers()['idempotent-replayed'],
      });
      if (attempts.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    // Issued after the pack: redeemed online, through POST /v1/redemptions.
    const voucher = await issueVoucher(demo);
    const before = await balance(demo, 'pp-central', 'rice');
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');

    await page.getByRole('button', { name: 'Handed over' }).click();

    await waitForState(page, 'redeemed', 30_000);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toEqual({ key: attempts[0]?.key, replayed: 'true' });
    const after = await balance(demo, 'pp-central', 'rice');
    expect(after.onHand).toBe(before.onHand - 5);
    const ledger = await demo.http(
      'GET',
      '/v1/shelters/pp-central/movements?order=desc&limit=50',
      demo.keys.logistics,
    );
    const distributions = (ledger.body.items as Array<{ voucherId?: string }>).filter(
      (movement) => movement.voucherId === voucher.id,
    );
    expect(distributions).toHaveLength(1);
  });

  it('switches to Khmer, remembers it, and renders Khmer text with a Khmer font', async () => {
    const { demo, page } = phone;
    const voucher = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await page.reload();
    await page.locator('#view-scan').waitFor({ state: 'visible' });

    await typeCode(page, voucher.code);

    await waitForState(page, 'ready');
    expect(await page.locator('html').getAttribute('lang')).toBe('km');
    const screen = await screenText(page);
    expect(screen.title).toBe('សូមប្រគល់');
    expect(screen.lines).toEqual(['៥ គីឡូ អង្ករ', '៣០ លីត្រ ទឹកស្អាត', '២ × មុង']);
    expect(await page.getByRole('button', { name: 'បានប្រគល់' }).isVisible()).toBe(true);
    expect(await renderedFonts(page, '#state-title')).toEqual([expect.stringMatching(/khmer/i)]);
    expect(await renderedFonts(page, '#lines li:first-child .name')).toEqual([
      expect.stringMatching(/khmer/i),
    ]);
    await page.screenshot({ path: 'test-artifacts/scan-km.png' });
  });
});

/**
 * The fonts Chromium actually drew an element's text with (DevTools' "Rendered Fonts"): Khmer
 * text drawn from a font without Khmer glyphs would show as empty boxes.
 */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.filter((font) => font.glyphCount > 0).map((font) => font.familyName);
}
