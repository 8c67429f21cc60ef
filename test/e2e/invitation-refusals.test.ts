import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/accessible-phone.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { phone, watchForViolations } from './support/browser.js';
import { issueVoucher, releaseOtherPhones } from './support/demo-server.js';
import { acceptByApi, invitePerson, type PersonToInvite, storedOnDevice } from './support/invitations.js';
import { latinDigitsOnScreen } from './support/khmer.js';
import { demoInChromium } from './support/lifecycle.js';
import { signInToScan, typeCode, waitForState } from './support/scan-page.js';

type Language = 'en' | 'km';

/** What each screen says, in each language: its heading, and whom to ask. */
const screens = {
  en: {
    exchanging: 'Signing you in…',
    used: 'This invitation was already used',
    expired: 'This invitation has expired',
    revoked: 'This invitation was withdrawn',
    invalid: 'This invitation link does not work',
    askNew: 'Ask Demo administrator (Phnom Penh Relief Network) for a new invitation.',
    askAccess: 'If you still need access, ask Demo administrator (Phnom Penh Relief Network).',
    otherWay: 'Sign in another way',
    useKey: 'Use an API key',
  },
  km: {
    exchanging: 'កំពុងនាំអ្នកចូលប្រើ…',
    used: 'ការអញ្ជើញនេះត្រូវបានប្រើរួចហើយ',
    expired: 'ការអញ្ជើញនេះផុតកំណត់ហើយ',
    revoked: 'ការអញ្ជើញនេះត្រូវបានដកហូតវិញ',
    invalid: 'តំណអញ្ជើញនេះប្រើមិនបានទេ',
    askNew: 'សូមសុំការអញ្ជើញថ្មីពី Demo administrator (Phnom Penh Relief Network)។',
    askAccess: 'បើអ្នកនៅតែត្រូវការសិទ្ធិចូលប្រើ សូមសួរ Demo administrator (Phnom Penh Relief Network)។',
    otherWay: 'ចូលប្រើតាមវិធីផ្សេង',
    useKey: 'ប្រើសោ API',
  },
} satisfies Record<Language, Record<string, string>>;

const volunteer: PersonToInvite = {
  displayName: 'Sokha (gate desk)',
  role: 'volunteer',
  scope: { pickupPointIds: ['pp-central-gate'] },
};

/** The server's clock runs this far ahead when a test needs an invitation to have expired. */
let serverAheadMs = 0;

const landing = (page: Page) => page.locator('#view-invitation');

/** axe-core on the screen as it is, and a screenshot to look at. */
async function check(page: Page, name: string, language: Language) {
  await page.screenshot({ path: `test-artifacts/invitation-${name}-${language}.png`, fullPage: true });
  expect(await page.locator('html').getAttribute('lang')).toBe(language);
  await expectNoSeriousA11yViolations(page, `the invitation's ${name} screen (${language})`);
  if (language === 'km') expect(await latinDigitsOnScreen(page)).toEqual([]);
}

for (const language of ['en', 'km'] satisfies Language[]) {
  const says = screens[language];

  describe(`an invitation that gives no key, on a 360x740 phone in ${language}: which it is, and whom to ask`, () => {
    const suite = demoInChromium({ server: { now: () => new Date(Date.now() + serverAheadMs) } });
    let context: BrowserContext;
    let page: Page;
    let violations: ReturnType<typeof watchForViolations>;

    beforeEach(async () => {
      context = await phone(suite.browser, suite.demo.baseUrl, {
        viewport: SMALL_PHONE,
        locale: language === 'km' ? 'km-KH' : 'en-GB',
      });
      violations = watchForViolations(context, suite.demo.baseUrl);
      page = await context.newPage();
    });
    afterEach(async () => {
      serverAheadMs = 0;
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
      await context.close();
    });

    it('says it is signing in while the exchange is under way, then shows the scanner', async () => {
      const invitation = await invitePerson(suite.demo, volunteer);
      let answer = () => {};
      const held = new Promise<void>((resolve) => {
        answer = resolve;
      });
      await page.route('**/v1/invitations/accept', async (route) => {
        await held;
        await route.continue();
      });

      await page.goto(invitation.path);

      await landing(page).and(page.locator('[data-state="exchanging"]')).waitFor();
      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(says.exchanging);
      expect(page.url()).toBe(`${suite.demo.baseUrl}/scan`);
      await check(page, 'exchanging', language);
      answer();
      await page.locator('#view-scan').waitFor({ state: 'visible' });
      expect(await landing(page).count()).toBe(0);
    });

    it('a used code: says it was used, when, and whom to ask; "Sign in another way" leads to the sign-in', async () => {
      const invitation = await invitePerson(suite.demo, volunteer);
      expect((await acceptByApi(suite.demo, invitation.code)).status).toBe(200);

      await page.goto(invitation.path);

      await landing(page).and(page.locator('[data-state="used"]')).waitFor();
      expect(await page.locator('#invitation-title').textContent()).toBe(says.used);
      expect(await page.locator('#invitation-ask').textContent()).toBe(says.askNew);
      // Read out first: the focus is on the heading.
      expect(await page.evaluate('document.activeElement.id')).toBe('invitation-title');
      await check(page, 'used', language);
      expect((await storedOnDevice(page)).session).toEqual([]);
      // The page's language toggle switches the screen too, and back.
      const other = language === 'en' ? 'km' : 'en';
      await page.getByRole('button', { name: language === 'en' ? 'ខ្មែរ' : 'English', exact: true }).click();
      expect(await page.locator('#invitation-title').textContent()).toBe(screens[other].used);
      expect(await page.locator('#invitation-ask').textContent()).toBe(screens[other].askNew);
      await page.getByRole('button', { name: language === 'en' ? 'English' : 'ខ្មែរ', exact: true }).click();
      expect(await page.locator('#invitation-title').textContent()).toBe(says.used);

      await page.getByRole('button', { name: says.otherWay }).click();
      await page.locator('#view-signin').waitFor({ state: 'visible' });
      expect(await landing(page).count()).toBe(0);
      expect(await page.getByText(says.useKey).isVisible()).toBe(true);
    });

    it('an expired code: says until when it worked, and whom to ask', async () => {
      const invitation = await invitePerson(suite.demo, volunteer, { expiresInMinutes: 15 });
      serverAheadMs = 20 * 60_000;

      await page.goto(invitation.path);

      await landing(page).and(page.locator('[data-state="expired"]')).waitFor();
      expect(await page.locator('#invitation-title').textContent()).toBe(says.expired);
      expect(await page.locator('#invitation-detail').textContent()).toMatch(
        language === 'en' ? /until \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/ : /[០-៩]{2}:[០-៩]{2}/,
      );
      expect(await page.locator('#invitation-ask').textContent()).toBe(says.askNew);
      await check(page, 'expired', language);
    });

    it('a withdrawn code: says so, and whom to ask for access', async () => {
      const invitation = await invitePerson(suite.demo, volunteer);
      const withdrawn = await suite.demo.http(
        'POST',
        `/v1/people/${invitation.personId}/invitations/${invitation.invitationId}/revoke`,
        suite.demo.keys.admin,
      );
      expect(withdrawn.status).toBe(200);

      await page.goto(invitation.path);

      await landing(page).and(page.locator('[data-state="revoked"]')).waitFor();
      expect(await page.locator('#invitation-title').textContent()).toBe(says.revoked);
      expect(await page.locator('#invitation-ask').textContent()).toBe(says.askAccess);
      await check(page, 'revoked', language);
    });

    it('a code cut short or mistyped: says the link does not work, and names nobody', async () => {
      const invitation = await invitePerson(suite.demo, volunteer);

      await page.goto(invitation.path.slice(0, -5));

      await landing(page).and(page.locator('[data-state="invalid"]')).waitFor();
      expect(await page.locator('#invitation-title').textContent()).toBe(says.invalid);
      expect(await page.locator('#invitation-ask').isHidden()).toBe(true);
      expect(page.url()).toBe(`${suite.demo.baseUrl}/scan`);
      await check(page, 'invalid', language);
    });
  });
}

describe('an invitation on a bad network: the same attempt again, until the key comes', () => {
  const suite = demoInChromium();
  let context: BrowserContext;
  let page: Page;
  const exchanges: string[] = [];

  beforeEach(async () => {
    context = await phone(suite.browser, suite.demo.baseUrl, { viewport: SMALL_PHONE });
    page = await context.newPage();
    exchanges.length = 0;
    page.on('request', (request: Request) => {
      if (request.url().endsWith('/v1/invitations/accept')) exchanges.push(request.postData() ?? '');
    });
  });
  afterEach(async () => {
    await context.close();
  });

  it('an answer lost on the way: "No network", then "Try again" sends the same body and gets the key after all', async () => {
    const invitation = await invitePerson(suite.demo, volunteer);
    let lost = false;
    await page.route('**/v1/invitations/accept', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch(); // the server makes the key...
      await route.abort('connectionreset'); // ...and its answer never arrives
    });

    await page.goto(invitation.path);

    await landing(page).and(page.locator('[data-state="offline"]')).waitFor();
    await check(page, 'offline', 'en');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached' });

    expect(exchanges).toHaveLength(2);
    expect(exchanges[1]).toBe(exchanges[0]);
    const person = await suite.demo.http('GET', `/v1/people/${invitation.personId}`, suite.demo.keys.admin);
    const keys = person.body.keys as Array<{ revokedAt?: string }>;
    // The key whose answer was lost is revoked; the one the phone holds works.
    expect(keys.map((key) => key.revokedAt === undefined)).toEqual(expect.arrayContaining([true, false]));
    const kept = (await storedOnDevice(page)).local.find((entry) =>
      entry.startsWith('supplyline.volunteerKey='),
    );
    const me = await suite.demo.http('GET', '/v1/me', kept?.split('=')[1] ?? '');
    expect(me.body).toMatchObject({ personId: invitation.personId });
  });

  it('no network at all: tries again by itself when the network comes back', async () => {
    const invitation = await invitePerson(suite.demo, volunteer);
    await page.route('**/v1/invitations/accept', (route) => route.abort('internetdisconnected'));

    await page.goto(invitation.path);
    await landing(page).and(page.locator('[data-state="offline"]')).waitFor();
    await page.unroute('**/v1/invitations/accept');
    await context.setOffline(true);
    await context.setOffline(false);

    await page.locator('#view-scan').waitFor({ state: 'visible' });
    expect(new Set(exchanges).size).toBe(1);
  });

  it('a reload while the exchange is unanswered sends the same attempt again', async () => {
    const invitation = await invitePerson(suite.demo, volunteer);
    await page.route('**/v1/invitations/accept', (route) => route.abort('internetdisconnected'));
    await page.goto(invitation.path);
    await landing(page).and(page.locator('[data-state="offline"]')).waitFor();
    await page.unroute('**/v1/invitations/accept');

    await page.reload();

    await page.locator('#view-scan').waitFor({ state: 'visible' });
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(exchanges).size).toBe(1);
    expect((await storedOnDevice(page)).session).toEqual([]);
  });

  it('does not land over handovers still waiting to sync on this phone: says so, and keeps the volunteer signed in here', async () => {
    const { demo } = suite;
    const voucher = await issueVoucher(demo);
    await releaseOtherPhones(demo, 'pp-central');
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    // Its list holds the voucher: it can be handed over with no network.
    await page.locator('#status-line[data-pack="yes"]:not([data-held="0"])').waitFor({ state: 'attached' });
    // Handovers cannot reach the server: the one below waits on the phone.
    await page.route('**/v1/devices/*/sync', (route) => route.abort('internetdisconnected'));
    await page.route('**/v1/redemptions', (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'pending');
    await context.setOffline(false);
    const invitation = await invitePerson(demo, volunteer);

    // The link opened in the tab already on /scan: only the fragment changes.
    await page.goto(invitation.path);

    await landing(page).and(page.locator('[data-state="handovers-waiting"]')).waitFor();
    expect(page.url()).toBe(`${demo.baseUrl}/scan`);
    await check(page, 'handovers-waiting', 'en');
    expect(exchanges).toEqual([]);
    await page.getByRole('button', { name: 'Continue as signed in on this phone' }).click();
    await page.locator('#view-scan').waitFor({ state: 'visible' });
    expect(await page.locator('#status-line').getAttribute('data-waiting')).toBe('1');
  });
});

describe('an invitation opened too often from one network: says when to try again', () => {
  // The server's clock stands still: every attempt falls in one counting window.
  const frozen = new Date('2026-12-08T03:00:10Z');
  const suite = demoInChromium({
    server: { now: () => frozen, env: { INVITATION_ACCEPTS_PER_MINUTE: '2' } },
  });

  for (const language of ['en', 'km'] satisfies Language[]) {
    it(`in ${language}`, async () => {
      const { demo, browser } = suite;
      const invitation = await invitePerson(demo, volunteer);
      // This network (the test machine) uses up its attempts.
      for (let i = 0; i < 2; i++) await acceptByApi(demo, `${invitation.code.slice(0, -3)}xyz`);
      const context = await phone(browser, demo.baseUrl, {
        viewport: SMALL_PHONE,
        locale: language === 'km' ? 'km-KH' : 'en-GB',
      });
      const page = await context.newPage();

      await page.goto(invitation.path);

      await landing(page).and(page.locator('[data-state="rate-limited"]')).waitFor();
      expect(await page.locator('#invitation-detail').textContent()).toMatch(
        language === 'en' ? /Try again in 50 seconds \(at \d{2}:\d{2}\)/ : /[០-៩]{2} វិនាទី/,
      );
      expect(
        await page
          .getByRole('button', { name: language === 'en' ? 'Try again' : 'ព្យាយាមម្តងទៀត' })
          .isDisabled(),
      ).toBe(true);
      await check(page, 'rate-limited', language);
      await context.close();
    });
  }
});
