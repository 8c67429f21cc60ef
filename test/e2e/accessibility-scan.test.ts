import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, type Language, openIn } from './support/accessible-phone.js';
import { edgeContrast } from './support/contrast.js';
import { issueVoucher } from './support/demo-server.js';
import { typeCode, waitForState } from './support/scan-page.js';
import { openKeyForm } from './support/sign-in.js';

/** Presses Tab until the element `selector` finds has the focus, as a keyboard user moves on. */
async function tabTo(page: Page, selector: string, limit = 20): Promise<void> {
  const focused = `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`;
  for (let press = 0; press < limit; press++) {
    if (await page.evaluate(focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never took the focus in ${limit} presses of Tab`);
}

for (const language of ['en', 'km'] satisfies Language[]) {
  describe(`/scan on a 360x740 phone in ${language}: axe-core finds no serious or critical violation`, () => {
    const phone = accessiblePhonePerTest('scan', language);

    async function signIn(key: string) {
      const { page } = phone;
      await openKeyForm(page);
      await page.locator('#signin-key').fill(key);
      await page.locator('#signin-key').press('Enter');
    }

    it('signing in: the form, a refused key, the pickup points', async () => {
      const { demo, page, check } = phone;
      await openIn(page, '/scan', language);
      await check('sign-in');

      await signIn('not-a-key');
      await page.locator('#signin-error:not(:empty)').waitFor();
      await check('sign-in-refused');

      await signIn(demo.keys.volunteer);
      await page.locator('#view-point').waitFor();
      await check('pickup-points');
    });

    it('hands a voucher over with the keyboard alone: sign in, choose the point, type the code, confirm', async () => {
      const { demo, page } = phone;
      const voucher = await issueVoucher(demo);
      await openIn(page, '/scan', language);

      // The key field lies under "Use an API key": Enter on its summary opens it.
      await tabTo(page, '#signin-with-key > summary');
      await page.keyboard.press('Enter');
      await tabTo(page, '#signin-key');
      await page.keyboard.type(demo.keys.volunteer);
      await page.keyboard.press('Enter');
      await tabTo(page, '#point input[value="pp-central-gate"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#point-form button[type=submit]');
      await page.keyboard.press('Enter');
      await tabTo(page, '#code');
      await page.keyboard.type(voucher.code);
      await page.keyboard.press('Enter');
      await waitForState(page, 'ready');
      await tabTo(page, '#handover');
      await page.keyboard.press('Enter');

      await page.locator('#state[data-kind="redeemed"]').waitFor({ timeout: 30_000 });
    });

    it('marks the language toggle as the language it names, and draws the key field’s edge at 3:1 or more', async () => {
      const { page } = phone;
      await openIn(page, '/scan', language);

      const toggle = page.getByRole('button', { name: language === 'en' ? 'ខ្មែរ' : 'English', exact: true });
      expect(await toggle.getAttribute('lang')).toBe(language === 'en' ? 'km' : 'en');
      await openKeyForm(page);
      expect(await edgeContrast(page.locator('#signin-key'))).toBeGreaterThanOrEqual(3);
    });

    it('a voucher: to hand over, handed over, a mistyped code, one redeemed elsewhere, and offline', async () => {
      const { demo, page, context, check } = phone;
      const pooled = await issueVoucher(demo);
      await openIn(page, '/scan', language);
      await signIn(demo.keys.volunteer);
      await page.locator('#point input[value="pp-central-gate"]').check();
      await page.locator('#point-form button[type=submit]').click();
      await page.locator('#status-line[data-pack]').waitFor({ state: 'attached' });
      await check('scanner');

      await typeCode(page, pooled.code);
      await waitForState(page, 'ready');
      await check('voucher-ready');

      await page.locator('#handover').click();
      await page.locator('#state[data-kind="redeemed"]').waitFor({ timeout: 30_000 });
      await check('voucher-handed-over');

      await page.locator('#next').click();
      await typeCode(page, 'ABCD-EFGH-J');
      await waitForState(page, 'invalid');
      await check('code-mistyped');

      const elsewhere = await issueVoucher(demo);
      await demo.http('POST', '/v1/redemptions', demo.keys.volunteer, {
        code: elsewhere.code,
        pickupPointId: 'pp-central-hall',
      });
      await page.locator('#next').click();
      await typeCode(page, elsewhere.code);
      await waitForState(page, 'already-redeemed');
      await check('already-redeemed');

      await context.setOffline(true);
      await page.locator('#next').click();
      await page.locator('#status-line[data-online="false"]').waitFor({ state: 'attached' });
      await check('offline');
      await context.setOffline(false);
    });
  });
}
