import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phone, watchForViolations } from './support/browser.js';
import { type DemoServer, issueVoucher, serveDemo } from './support/demo-server.js';
import { waitUntilPackTaken } from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

/** The server runs this far ahead of the real clock: a phone falls silent without a wait. */
let serverAhead = 0;
const MINUTE = 60_000;

/**
 * Issue 21, in Chromium on a 360x740 phone: a phone that holds the shelter's vouchers goes
 * silent; the next phone says it holds none, which phone does and what to do; once the first has
 * been silent past the shelter's 2 hours, the next phone's refresh takes its vouchers, and the
 * silent phone, back online, learns they left its list.
 */
describe('/scan: a silent phone’s vouchers come back to the pool', () => {
  let demo: DemoServer;
  let browser: Browser;
  const contexts: Array<{ context: BrowserContext; violations: ReturnType<typeof watchForViolations> }> = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([
      serveDemo({ now: () => new Date(Date.now() + serverAhead) }),
      launchChromium(),
    ]);
    await mkdir('test-artifacts', { recursive: true });
  });
  afterEach(async () => {
    for (const { context, violations } of contexts.splice(0)) {
      expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
      await context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** A volunteer's phone, 360x740, watched for requests elsewhere and CSP blocks. */
  async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await phone(browser, demo.baseUrl);
    contexts.push({ context, violations: watchForViolations(context, demo.baseUrl) });
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    return { context, page };
  }

  const held = async (page: Page) => Number(await page.locator('#status-line').getAttribute('data-held'));
  const waitForHeld = (page: Page, count: number) =>
    page.locator(`#status-line[data-held="${count}"]`).waitFor({ state: 'attached', timeout: 30_000 });

  it('warns the phone that holds none, then hands it the silent phone’s vouchers', async () => {
    const vouchers = await Promise.all([1, 2, 3].map(() => issueVoucher(demo)));
    // The first phone at the gate takes the pool, then falls silent (no network, left in a drawer).
    const firstVolunteer = await demo.t.createKey('volunteer', 'pp-relief', {
      shelterIds: ['pp-central'],
      pickupPointIds: ['pp-central-gate'],
    });
    const first = await newPhone();
    await signInToScan(first.page, firstVolunteer, 'pp-central-gate');
    await waitUntilPackTaken(first.page);
    const pool = await held(first.page);
    expect(pool).toBeGreaterThanOrEqual(vouchers.length);
    expect(await first.page.locator('#status-line').textContent()).toContain(
      `${pool} vouchers on this phone for offline`,
    );
    await first.context.setOffline(true);

    // The next phone: nothing to hand over offline, and it says why and what to do.
    const next = await newPhone();
    await next.page.clock.install();
    await signInToScan(next.page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(next.page);
    await waitForHeld(next.page, 0);
    const status = (await next.page.locator('#status-line').textContent()) ?? '';
    expect(status).toContain('0 vouchers on this phone for offline');
    const warning = next.page.getByRole('alert').filter({ hasText: 'No vouchers on this phone for offline' });
    await warning.waitFor();
    const said = (await warning.textContent()) ?? '';
    expect(said).toContain(`Other phones hold ${pool} of this shelter’s vouchers`);
    expect(said).toMatch(/“Main gate · [0-9A-Z]{4}” at Main gate holds \d+; last heard from at/);
    expect(said).toContain('If it stays silent, they are shared out again at');
    expect(said).toContain('ask the volunteer with that phone to sign out');
    await next.page.screenshot({ path: 'test-artifacts/silent-phone-warning-en.png' });

    await next.page.getByRole('button', { name: 'ខ្មែរ' }).click();
    const khmer = next.page.getByRole('alert').filter({ hasText: 'គ្មានប័ណ្ណនៅលើទូរសព្ទនេះ' });
    await khmer.waitFor();
    expect(await next.page.locator('#status-line').textContent()).toContain('ប័ណ្ណ');
    await next.page.screenshot({ path: 'test-artifacts/silent-phone-warning-km.png' });
    await next.page.getByRole('button', { name: 'English' }).click();

    // Offline, a voucher of the silent phone is refused, as before.
    await next.context.setOffline(true);
    await typeCode(next.page, vouchers[0]?.code ?? '');
    await waitForState(next.page, 'not-on-list');
    await next.page.getByRole('button', { name: 'Next voucher' }).click();
    await next.context.setOffline(false);

    // Two hours and a minute later by the server's clock, the next phone's refresh takes them.
    serverAhead += 121 * MINUTE;
    await next.page.clock.runFor(31_000);
    await waitForHeld(next.page, pool);
    expect(await warning.isVisible()).toBe(false);
    expect(await next.page.locator('#status-line').textContent()).toContain(
      `${pool} vouchers on this phone for offline`,
    );
    await next.page.screenshot({ path: 'test-artifacts/silent-phone-repooled.png' });

    // Now it hands one over without a network.
    await next.context.setOffline(true);
    await typeCode(next.page, vouchers[0]?.code ?? '');
    await waitForState(next.page, 'ready');
    await next.page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(next.page, 'pending');
    expect((await screenText(next.page)).title).toBe('Handed over, will sync');

    // The silent phone comes back: its list is empty, and it says which phone holds them now.
    await first.context.setOffline(false);
    await waitForHeld(first.page, 0);
    await first.page
      .getByRole('alert')
      .filter({ hasText: 'No vouchers on this phone for offline' })
      .waitFor();
    await first.page.screenshot({ path: 'test-artifacts/silent-phone-back.png' });
  });
});
