import { afterEach, describe, expect, it } from 'vitest';
import { phone as newPhone } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { phonePerTest } from './support/lifecycle.js';
import { revokeAllDevices, waitUntilPackTaken } from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

describe('/scan offline: what a phone refuses to hand over without the server', () => {
  const phone = phonePerTest();
  afterEach(async () => {
    // Each test's phone starts as the only device of the shelter, holding its whole pool.
    await revokeAllDevices(phone.demo, 'pp-central');
  });

  it('keeps a voucher in one pool: the second phone says it is not on its list, and online names the desk that holds it', async () => {
    const { demo, browser, context, page } = phone;
    const voucher = await issueVoucher(demo);
    // Another volunteer's phone at the same gate takes its pack first: the voucher goes to its pool.
    const otherVolunteer = await demo.t.createKey('volunteer', 'pp-relief', {
      shelterIds: ['pp-central'],
      pickupPointIds: ['pp-central-gate'],
    });
    const first = await newPhone(browser, demo.baseUrl);
    const firstPage = await first.newPage();
    await signInToScan(firstPage, otherVolunteer, 'pp-central-gate');
    await waitUntilPackTaken(firstPage);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);

    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'not-on-list');
    const offline = await screenText(page);
    expect(offline.title).toBe('Not on this phone’s list');
    expect(offline.detail).toContain('Go online to check it, or send the person to the desk that holds it.');
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-artifacts/offline-not-on-list.png' });

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Next voucher' }).click();
    await typeCode(page, voucher.code);
    await waitForState(page, 'held-elsewhere');
    const online = await screenText(page);
    expect(online.title).toBe('Held by another desk');
    expect(online.detail).toContain('Main gate');
    await first.close();
  });

  it('hands a voucher back at its next refresh when another desk asks, so that desk can hand it over', async () => {
    const { demo, browser, page } = phone;
    const voucher = await issueVoucher(demo);
    const otherVolunteer = await demo.t.createKey('volunteer', 'pp-relief', {
      shelterIds: ['pp-central'],
      pickupPointIds: ['pp-central-gate'],
    });
    const holder = await newPhone(browser, demo.baseUrl);
    const holderPage = await holder.newPage();
    await holderPage.clock.install();
    await signInToScan(holderPage, otherVolunteer, 'pp-central-gate');
    await waitUntilPackTaken(holderPage);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');

    await typeCode(page, voucher.code);
    await waitForState(page, 'held-elsewhere');
    // The holder's next refresh (every 30 s while online) sees the request and gives it back.
    const handedBack = holderPage.waitForResponse((response) => response.url().endsWith('/hand-back'));
    await holderPage.clock.runFor(31_000);
    expect((await handedBack).status()).toBe(200);

    await page.getByRole('button', { name: 'Next voucher' }).click();
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await holder.close();
  });

  it('records a revoked phone’s late sync as a conflict, shows it, and stops handing over from its list', async () => {
    const { demo, context, page } = phone;
    const voucher = await issueVoucher(demo);
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);
    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'pending');

    // Reported lost meanwhile: an admin revokes it.
    await revokeAllDevices(demo, 'pp-central');
    await context.setOffline(false);

    await waitForState(page, 'sync-refused', 30_000);
    expect((await screenText(page)).title).toBe('Not accepted by the server');
    await page.locator('#status-line[data-waiting="0"][data-pack="no"]').waitFor({ state: 'attached' });
    const conflicts = await demo.http(
      'GET',
      '/v1/conflicts?shelterId=pp-central&status=open',
      demo.keys.logistics,
    );
    expect(conflicts.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ voucherId: voucher.id, reason: 'device-revoked' })]),
    );
    const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
    expect(status.body).toMatchObject({ status: 'issued' });
    await page.getByRole('button', { name: 'Next voucher' }).click();
    await page.locator('#sync-outcomes li[data-outcome="conflict"]').waitFor();
  });

  it('refuses offline once the lease on a voucher has run out by the phone’s clock', async () => {
    const { demo, context, page } = phone;
    const voucher = await issueVoucher(demo);
    await page.clock.install();
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);
    await context.setOffline(true);
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Next voucher' }).click();

    // The shelter's offline window is 12 hours; the voucher itself is valid for days.
    await page.clock.setSystemTime(Date.now() + 13 * 3600_000);
    await typeCode(page, voucher.code);

    await waitForState(page, 'lease-ended');
    expect((await screenText(page)).detail).toContain('Go online to refresh the list');
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
  });
});
