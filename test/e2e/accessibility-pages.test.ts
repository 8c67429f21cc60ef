import { describe, expect, it } from 'vitest';
import { accessiblePhonePerTest, type Language, openIn } from './support/accessible-phone.js';
import { issueVoucher } from './support/demo-server.js';
import { openKeyForm } from './support/sign-in.js';

async function signIn(page: import('playwright-core').Page, key: string) {
  await openKeyForm(page);
  await page.locator('#signin-key').fill(key);
  await page.locator('#signin-key').press('Enter');
}

const chartLabels: Record<Language, { shelter: string; item: string }> = {
  en: { shelter: 'Shelter', item: 'Item' },
  km: { shelter: 'ទីជម្រក', item: 'សម្ភារៈ' },
};

for (const language of ['en', 'km'] satisfies Language[]) {
  describe(`/dashboard on a 360x740 phone in ${language}: axe-core finds no serious or critical violation`, () => {
    const phone = accessiblePhonePerTest('dashboard', language);

    it('signing in, a key that cannot read stock, and the board with its table, chart and movements', async () => {
      const { demo, page, check } = phone;
      await issueVoucher(demo);
      await openIn(page, '/dashboard', language);
      await check('sign-in');

      await signIn(page, demo.keys.volunteer);
      await page.locator('#signin-error:not(:empty)').waitFor();
      await check('sign-in-refused');

      await signIn(page, demo.keys.logistics);
      await page.locator('#stock td').first().waitFor();
      await page.locator('#chart-shelter').selectOption('pp-central');
      await page.locator('#movements li').first().waitFor();
      await check('board');
    });

    it('labels the chart’s choices in the page’s language, with words a person sees', async () => {
      const { demo, page } = phone;
      await openIn(page, '/dashboard', language);
      await signIn(page, demo.keys.logistics);
      await page.locator('#stock td').first().waitFor();

      await page.getByLabel(chartLabels[language].shelter, { exact: true }).selectOption('pp-central');
      await page.getByLabel(chartLabels[language].item, { exact: true }).selectOption('rice');

      expect(await page.locator('#chart svg .latest').isVisible()).toBe(true);
    });
  });

  describe(`/coordinator on a 360x740 phone in ${language}: axe-core finds no serious or critical violation`, () => {
    const phone = accessiblePhonePerTest('coordinator', language);

    it('signing in, a key that is no coordinator’s, and the new round form', async () => {
      const { demo, page, check } = phone;
      await openIn(page, '/coordinator', language);
      await check('sign-in');

      await signIn(page, demo.keys.volunteer);
      await page.locator('#signin-error:not(:empty), #error:not(:empty)').first().waitFor();
      await check('sign-in-refused');

      await page.goto('/coordinator');
      await signIn(page, demo.keys.coordinator);
      await page.locator('#round-shelter option').first().waitFor({ state: 'attached' });
      await check('rounds');
    });
  });
}
