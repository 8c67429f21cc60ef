import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phone, watchForViolations } from './support/browser.js';
import { balance, type IssuedVoucher, issueVoucher } from './support/demo-server.js';
import { writeQrVideo } from './support/fake-camera.js';
import { demoInChromium } from './support/lifecycle.js';
import { statusLine, waitForWaiting, waitUntilReadyOffline } from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';

const TYPED = 20;

describe('/scan offline: a distribution day without a network, synced exactly once', () => {
  let scanned: IssuedVoucher;
  const typed: IssuedVoucher[] = [];
  const suite = demoInChromium({
    // The camera films one voucher's slip throughout; the others are typed.
    cameraVideo: async (demo) => {
      scanned = await issueVoucher(demo);
      const png = await fetch(`${demo.baseUrl}/v1/vouchers/${scanned.id}/qr.png`, {
        headers: { authorization: `Bearer ${demo.keys.coordinator}` },
      });
      const video = join(await mkdtemp(join(tmpdir(), 'supplyline-offline-')), 'voucher-qr.y4m');
      await writeQrVideo(Buffer.from(await png.arrayBuffer()), video);
      return video;
    },
  });
  let context: BrowserContext;
  let violations: ReturnType<typeof watchForViolations>;
  /** Every page load, online or from the worker, finds every file it asks for (the favicon too). */
  const notFound: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < TYPED; i++) typed.push(await issueVoucher(suite.demo));
    context = await phone(suite.browser, suite.demo.baseUrl, { serviceWorkers: 'allow' });
    violations = watchForViolations(context, suite.demo.baseUrl);
    context.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('takes the pack online, loads and hands over 21 vouchers offline, and syncs each once', async () => {
    const { demo } = suite;
    const before = await balance(demo, 'pp-central', 'rice');
    let page = await context.newPage();
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilReadyOffline(page);

    await context.setOffline(true);
    await page.reload();
    // Served by the service worker, started from the pack: the camera reads the slip in view.
    await waitForState(page, 'ready', 30_000);
    expect((await statusLine(page)).online).toBe('false');
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'pending');
    expect((await screenText(page)).title).toBe('Handed over, will sync');
    await page.screenshot({ path: 'test-artifacts/offline-pending.png' });

    for (const voucher of typed) {
      await page.getByRole('button', { name: 'Next voucher' }).click();
      await typeCode(page, voucher.code);
      await waitForState(page, 'ready');
      await page.getByRole('button', { name: 'Handed over' }).click();
      await waitForState(page, 'pending');
    }
    // The slip still in front of the camera is this phone's own handover, not a second one.
    await page.getByRole('button', { name: 'Next voucher' }).click();
    await typeCode(page, typed[0]?.code ?? '');
    await waitForState(page, 'handed-here');
    expect((await screenText(page)).detail).toMatch(/^Handed over here at \d{2}:\d{2} \(waiting to sync\)/);
    await waitForWaiting(page, TYPED + 1);
    await page.screenshot({ path: 'test-artifacts/offline-status.png' });

    await page.close();
    page = await context.newPage();
    await page.goto('/scan');
    await page.locator('#status-line').waitFor({ state: 'visible' });
    await waitForWaiting(page, TYPED + 1);

    await context.setOffline(false);
    await waitForWaiting(page, 0, 60_000);

    for (const voucher of [scanned, ...typed]) {
      const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
      expect(status.body, voucher.code).toMatchObject({
        status: 'redeemed',
        pickupPointId: 'pp-central-gate',
      });
    }
    const after = await balance(demo, 'pp-central', 'rice');
    expect(after.onHand).toBe(before.onHand - 5 * (TYPED + 1));
    expect(after.reserved).toBe(before.reserved - 5 * (TYPED + 1));
    // The slip still in view was handed over here; now the server has confirmed it.
    await page
      .locator('#state-detail', { hasText: /^Handed over here at \d{2}:\d{2}\. Nothing more/ })
      .waitFor();
    const status = await statusLine(page);
    expect(status.online).toBe('true');
    expect(status.text).toContain('0 waiting to sync');
    // Under the scanner, what the sync said about the latest offline handovers.
    await page.getByRole('button', { name: 'Next voucher' }).click();
    const outcomes = page.locator('#sync-outcomes li');
    expect(await outcomes.count()).toBeGreaterThan(0);
    expect(await page.locator('#sync-outcomes li:not([data-outcome="redeemed"])').count()).toBe(0);
    await page.screenshot({ path: 'test-artifacts/offline-synced.png' });
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    expect(notFound).toEqual([]);
  });
});
