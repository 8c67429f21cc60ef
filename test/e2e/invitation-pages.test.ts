import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/accessible-phone.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { phone, watchForViolations } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { acceptByApi, countKeystrokes, invitePerson, storedOnDevice } from './support/invitations.js';
import { latinDigitsOnScreen } from './support/khmer.js';
import { type DemoInChromium, demoInChromium } from './support/lifecycle.js';

type Language = 'en' | 'km';

/**
 * Opens `path` (an invitation link's page and fragment) on a fresh 360x740 phone set to
 * `language`, runs `then` on the page, and checks what every landing must: nothing typed, nothing
 * fetched from elsewhere, nothing the Content-Security-Policy blocked, the page in the phone's
 * language, no serious accessibility violation, a screenshot to look at.
 */
async function landOnPhone(
  suite: DemoInChromium,
  language: Language,
  path: string,
  screenshot: string,
  then: (page: Page) => Promise<void>,
) {
  const { demo, browser } = suite;
  const context = await phone(browser, demo.baseUrl, {
    viewport: SMALL_PHONE,
    locale: language === 'km' ? 'km-KH' : 'en-GB',
  });
  const violations = watchForViolations(context, demo.baseUrl);
  const keystrokes = await countKeystrokes(context);
  const page = await context.newPage();
  try {
    await page.goto(path);
    await then(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    await page.screenshot({
      path: `test-artifacts/invitation-${screenshot}-${language}.png`,
      fullPage: true,
    });
    await expectNoSeriousA11yViolations(page, `${screenshot} landed from an invitation (${language})`);
    expect(keystrokes()).toEqual([]);
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    return await storedOnDevice(page);
  } finally {
    await context.close();
  }
}

const byName: Record<Language, string> = { en: 'by Sokha (gate desk)', km: 'ដោយ Sokha (gate desk)' };

for (const language of ['en', 'km'] satisfies Language[]) {
  describe(`/desk, /coordinator and /admin opened from an invitation on a 360x740 phone in ${language}`, () => {
    const suite = demoInChromium();

    it('/desk: a logistics lead lands on their working page at their shelter, whose board names the volunteer who handed out', async () => {
      const { demo } = suite;
      // A volunteer of the gate, signed in by an invitation on their own phone, hands a voucher over.
      const volunteer = await invitePerson(demo, {
        displayName: 'Sokha (gate desk)',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-central-gate'] },
      });
      const sokhasKey = String((await acceptByApi(demo, volunteer.code)).body.apiKey);
      const voucher = await issueVoucher(demo);
      const handedOver = await demo.http('POST', '/v1/redemptions', sokhasKey, {
        code: voucher.code,
        pickupPointId: 'pp-central-gate',
      });
      expect(handedOver.status).toBe(200);
      const lead = await invitePerson(demo, {
        displayName: 'Vanna (logistics)',
        role: 'logistics',
        scope: { shelterIds: ['pp-central'] },
      });
      expect(lead.path.startsWith('/desk#invite=')).toBe(true);

      const stored = await landOnPhone(suite, language, lead.path, 'dashboard', async (page) => {
        await page.locator('#view-desk').waitFor({ state: 'visible' });
        expect(page.url()).toBe(`${suite.demo.baseUrl}/desk`);
        expect(await page.locator('#desk-shelter').inputValue()).toBe('pp-central');
        await page.screenshot({ path: `test-artifacts/invitation-desk-${language}.png`, fullPage: true });
        await expectNoSeriousA11yViolations(page, `/desk landed from an invitation (${language})`);
        // The board is one link away, signed in with the same key.
        await page.locator('#to-board').click();
        await page.waitForURL(`${suite.demo.baseUrl}/dashboard`);
        await page.locator('#stock td').first().waitFor();
        await page.locator('#chart-shelter').selectOption('pp-central');
        const handout = page.locator('#movements li[data-type="distribution"]').first();
        await handout.waitFor();
        expect(await handout.textContent()).toContain(byName[language]);
        if (language === 'km') expect(await latinDigitsOnScreen(page)).toEqual([]);
      });

      expect(stored.local.filter((entry) => entry.startsWith('supplyline.logisticsKey=slk_'))).toHaveLength(
        1,
      );
      expect(stored.session).toEqual([]);
    });

    it('/dashboard: a lead’s link made when the board was their page still lands there, signed in', async () => {
      const { demo } = suite;
      const lead = await invitePerson(demo, {
        displayName: 'Dara (old link)',
        role: 'logistics',
        scope: { shelterIds: '*' },
      });
      const madeBefore = lead.path.replace(/^\/desk#/, '/dashboard#');

      await landOnPhone(suite, language, madeBefore, 'dashboard-old-link', async (page) => {
        await page.locator('#stock td').first().waitFor();
        expect(page.url()).toBe(`${suite.demo.baseUrl}/dashboard`);
      });
    });

    it('/coordinator: a coordinator lands on its rounds', async () => {
      const { demo } = suite;
      const coordinator = await invitePerson(demo, {
        displayName: 'Srey Mom (rounds)',
        role: 'coordinator',
        scope: { shelterIds: ['pp-central'] },
      });
      expect(coordinator.path.startsWith('/coordinator#invite=')).toBe(true);

      const stored = await landOnPhone(suite, language, coordinator.path, 'coordinator', async (page) => {
        await page.locator('#view-rounds').waitFor({ state: 'visible' });
        await page.locator('#round-shelter option').first().waitFor({ state: 'attached' });
        expect(page.url()).toBe(`${suite.demo.baseUrl}/coordinator`);
      });

      expect(stored.local.filter((entry) => entry.startsWith('supplyline.coordinatorKey=slk_'))).toHaveLength(
        1,
      );
    });

    it('/admin: an administrator lands on the console', async () => {
      const { demo } = suite;
      const admin = await invitePerson(demo, { displayName: 'Bopha (office)', role: 'admin' });
      expect(admin.path.startsWith('/admin#invite=')).toBe(true);

      const stored = await landOnPhone(suite, language, admin.path, 'admin', async (page) => {
        await page.locator('#view-admin').waitFor({ state: 'visible' });
        await page.locator('#nav-list a').first().waitFor();
        expect(page.url()).toBe(`${suite.demo.baseUrl}/admin`);
      });

      expect(stored.local.filter((entry) => entry.startsWith('supplyline.adminKey=slk_'))).toHaveLength(1);
    });

    it('goes to the page of the role the person has now: a /scan link of someone made a logistics lead since lands on /desk', async () => {
      const { demo } = suite;
      const invitation = await invitePerson(demo, {
        displayName: 'Kosal (moved to the store)',
        role: 'volunteer',
        scope: { pickupPointIds: ['pp-central-hall'] },
      });
      expect(invitation.path.startsWith('/scan#invite=')).toBe(true);
      const changed = await demo.http('PATCH', `/v1/people/${invitation.personId}`, demo.keys.admin, {
        role: 'logistics',
        scope: { shelterIds: ['pp-central'] },
      });
      expect(changed.status).toBe(200);

      const stored = await landOnPhone(suite, language, invitation.path, 'moved-to-desk', async (page) => {
        await page.waitForURL(`${suite.demo.baseUrl}/desk`);
        await page.locator('#view-desk').waitFor({ state: 'visible' });
      });

      expect(stored.local.filter((entry) => entry.startsWith('supplyline.logisticsKey=slk_'))).toHaveLength(
        1,
      );
      expect(stored.local.filter((entry) => entry.startsWith('supplyline.volunteerKey='))).toEqual([]);
      expect(stored.session).toEqual([]);
    });
  });
}
