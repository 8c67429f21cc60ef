import type { BrowserContext, Page } from 'playwright-core';
import { waitForState } from './scan-page.js';

export type PhoneLanguage = 'en' | 'km';

/** The button a volunteer taps once the goods are in the household's hands, in the phone's language. */
export const HANDED_OVER: Record<PhoneLanguage, string> = { en: 'Handed over', km: 'បានប្រគល់' };

/**
 * Counts every character put into a field of the context's pages, by any means: keys, Playwright's
 * `fill` and `type`, a paste (the `data` of each `beforeinput` event; a deletion counts one). Counted
 * on the test's side, so a navigation does not reset it. Taps and clicks put nothing in a field.
 */
export async function countTypedCharacters(context: BrowserContext): Promise<() => number> {
  let typed = 0;
  await context.exposeBinding('reportTypedCharacters', (_source, count: number) => {
    typed += count;
  });
  await context.addInitScript(`
    window.addEventListener('beforeinput', (event) => window.reportTypedCharacters(event.data ? event.data.length : 1), true);
  `);
  return () => typed;
}

/**
 * The volunteer's side of an invitation, from the link to the first handover: the phone opens the
 * link (what its camera app does with the QR code), lands signed in at its one pickup point with
 * its offline list, the camera reads the voucher's QR code (Chromium's fake camera films it: the
 * browser must have been launched with that voucher's video), and the volunteer taps "Handed
 * over". `look` is called at each screen worth a screenshot.
 */
export async function firstHandoverFromInvitation(
  page: Page,
  link: string,
  language: PhoneLanguage,
  look: (screen: 'landed' | 'voucher' | 'redeemed') => Promise<void> = async () => {},
): Promise<void> {
  await page.goto(link);
  await page.locator('#view-scan').waitFor({ state: 'visible' });
  await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached' });
  await look('landed');
  await waitForState(page, 'ready', 30_000);
  await look('voucher');
  await page.getByRole('button', { name: HANDED_OVER[language], exact: true }).click();
  await waitForState(page, 'redeemed');
  await look('redeemed');
}
