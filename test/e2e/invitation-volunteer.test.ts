import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SMALL_PHONE } from './support/accessible-phone.js';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { phone, watchForViolations } from './support/browser.js';
import { type DemoServer, type IssuedVoucher, issueVoucher } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import {
  countKeystrokes,
  historyUrls,
  invitePerson,
  recordingProxy,
  storedOnDevice,
} from './support/invitations.js';
import { demoInChromium } from './support/lifecycle.js';
import { waitForState } from './support/scan-page.js';

type Language = 'en' | 'km';

/** What the volunteer taps, in the phone's language. */
const words: Record<Language, { handedOver: string; start: string }> = {
  en: { handedOver: 'Handed over', start: 'Start' },
  km: { handedOver: 'បានប្រគល់', start: 'ចាប់ផ្តើម' },
};

/** A 360x740 phone set to `language` (the page follows the phone's own language until one is chosen). */
async function volunteerPhone(
  demo: DemoServer,
  browser: import('playwright-core').Browser,
  language: Language,
) {
  const context = await phone(browser, demo.baseUrl, {
    viewport: SMALL_PHONE,
    locale: language === 'km' ? 'km-KH' : 'en-GB',
  });
  return { context, violations: watchForViolations(context, demo.baseUrl) };
}

async function look(page: Page, name: string, state: string) {
  await page.screenshot({ path: `test-artifacts/invitation-${name}.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, state);
}

const sokha = { displayName: 'Sokha (gate desk)', role: 'volunteer' as const };

for (const language of ['en', 'km'] satisfies Language[]) {
  describe(`/scan opened from an invitation on a 360x740 phone in ${language}: from the link to a handover, nothing typed`, () => {
    let voucher: IssuedVoucher;
    const suite = demoInChromium({
      // The camera films a voucher's own QR, as printed on its slip, issued before the phone lands.
      cameraVideo: async (demo) => {
        voucher = await issueVoucher(demo);
        const png = await fetch(`${demo.baseUrl}/v1/vouchers/${voucher.id}/qr.png`, {
          headers: { authorization: `Bearer ${demo.keys.coordinator}` },
        });
        const video = join(await mkdtemp(join(tmpdir(), 'supplyline-invitation-')), 'voucher-qr.y4m');
        await writeQrVideo(Buffer.from(await png.arrayBuffer()), video);
        return video;
      },
    });

    it('lands signed in at its one pickup point, registers the phone, takes its list, and hands a scanned voucher over', async () => {
      const { demo, browser } = suite;
      const invitation = await invitePerson(demo, {
        ...sokha,
        scope: { pickupPointIds: ['pp-central-gate'] },
      });
      const { context, violations } = await volunteerPhone(demo, browser, language);
      const keystrokes = await countKeystrokes(context);
      const page = await context.newPage();

      // What the phone's camera app does with the QR code: it opens the link.
      await page.goto(invitation.path);

      await page.locator('#view-scan').waitFor({ state: 'visible' });
      expect(await page.locator('#point-name').textContent()).toBe('Main gate');
      await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached' });
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await look(page, `volunteer-scanner-${language}`, `/scan landed from an invitation (${language})`);

      await waitForState(page, 'ready', 30_000);
      await page.getByRole('button', { name: words[language].handedOver, exact: true }).click();
      await waitForState(page, 'redeemed');
      await page.screenshot({
        path: `test-artifacts/invitation-volunteer-redeemed-${language}.png`,
        fullPage: true,
      });

      expect(keystrokes()).toEqual([]);
      const person = await demo.http('GET', `/v1/people/${invitation.personId}`, demo.keys.admin);
      expect(person.body).toMatchObject({
        status: 'active',
        keys: [{ invitationId: invitation.invitationId, label: expect.stringMatching(/^Chrome on /) }],
        devices: [{ pickupPointId: 'pp-central-gate', status: 'active' }],
      });
      const redeemed = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
      expect(redeemed.body).toMatchObject({ status: 'redeemed', pickupPointId: 'pp-central-gate' });
      // The shelter's ledger names who handed it over.
      const ledger = await demo.http(
        'GET',
        '/v1/shelters/pp-central/movements?order=desc&limit=1',
        demo.keys.logistics,
      );
      expect(ledger.body.items).toMatchObject([
        { type: 'distribution', actorPersonId: invitation.personId, actorName: 'Sokha (gate desk)' },
      ]);
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
      await context.close();
    });
  });
}

describe('/scan opened from an invitation: where the code goes, and a volunteer of several pickup points', () => {
  const suite = demoInChromium();

  it('keeps the code out of the address, the history, the device’s storage and every request but the exchange’s body', async () => {
    const { demo, browser } = suite;
    const proxy = await recordingProxy(demo.baseUrl);
    const context: BrowserContext = await phone(browser, proxy.baseUrl, { viewport: SMALL_PHONE });
    const violations = watchForViolations(context, proxy.baseUrl);
    try {
      const invitation = await invitePerson(demo, {
        ...sokha,
        scope: { pickupPointIds: ['pp-central-gate'] },
      });
      const secret = invitation.code.split('.')[1] ?? '';
      expect(secret.length).toBeGreaterThan(40);
      const page = await context.newPage();

      await page.goto(invitation.path);
      await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached' });

      expect(page.url()).toBe(`${proxy.baseUrl}/scan`);
      expect((await historyUrls(context, page)).filter((url) => url.includes('invite'))).toEqual([]);
      const stored = await storedOnDevice(page);
      expect(stored.session).toEqual([]);
      expect(stored.local.filter((entry) => entry.includes(secret) || entry.includes('inv_'))).toEqual([]);
      const key = stored.local.find((entry) => entry.startsWith('supplyline.volunteerKey='))?.split('=')[1];
      const me = await demo.http('GET', '/v1/me', key ?? '');
      expect(me.body).toMatchObject({ personId: invitation.personId, displayName: 'Sokha (gate desk)' });
      // What reached the server: the secret in one request, in its body, and nowhere else.
      const carrying = proxy.requests.filter((request) =>
        [request.url, JSON.stringify(request.headers), request.body].some((part) => part.includes(secret)),
      );
      expect(carrying.map((request) => `${request.method} ${request.url}`)).toEqual([
        'POST /v1/invitations/accept',
      ]);
      const [exchange] = carrying;
      expect(JSON.stringify(exchange?.headers)).not.toContain(secret);
      expect(exchange?.headers.authorization).toBeUndefined();
      expect(JSON.parse(exchange?.body ?? '{}')).toEqual({
        code: invitation.code,
        attemptId: expect.stringMatching(/^[\w-]{16,64}$/),
        label: expect.stringMatching(/^Chrome on /),
      });
      expect(proxy.requests.filter((request) => request.url.includes('invite'))).toEqual([]);

      // Opened again (a reload), the page is the signed-in scanner, from the key alone.
      await page.reload();
      await page.locator('#view-scan').waitFor({ state: 'visible' });
      expect(page.url()).toBe(`${proxy.baseUrl}/scan`);
      expect(proxy.requests.filter((request) => request.url === '/v1/invitations/accept')).toHaveLength(1);
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    } finally {
      await context.close();
      await proxy.close();
    }
  });

  it('shows the pickup-point chooser to a volunteer of two points, who taps one and starts', async () => {
    const { demo, browser } = suite;
    const invitation = await invitePerson(demo, {
      displayName: 'Dara (both desks)',
      role: 'volunteer',
      scope: { pickupPointIds: ['pp-central-gate', 'pp-central-hall'] },
    });
    const { context, violations } = await volunteerPhone(demo, browser, 'en');
    const keystrokes = await countKeystrokes(context);
    const page = await context.newPage();

    await page.goto(invitation.path);

    const points = page.getByRole('group', { name: 'Pickup point' });
    await points.waitFor();
    expect(await points.getByRole('radio').count()).toBe(2);
    await points.getByRole('radio', { name: /Clinic hall/ }).check();
    await page.getByRole('button', { name: words.en.start }).click();
    await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached' });
    expect(await page.locator('#point-name').textContent()).toBe('Clinic hall');
    expect(keystrokes()).toEqual([]);
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await context.close();
  });
});
