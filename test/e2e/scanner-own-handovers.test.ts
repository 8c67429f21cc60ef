import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { persistentPhone, phone, watchForViolations } from './support/browser.js';
import { issueVoucher } from './support/demo-server.js';
import { demoInChromium } from './support/lifecycle.js';
import {
  revokeAllDevices,
  waitForWaiting,
  waitUntilPackTaken,
  waitUntilReadyOffline,
} from './support/offline.js';
import { screenText, signInToScan, typeCode, waitForState } from './support/scan-page.js';
import { openKeyForm } from './support/sign-in.js';

/** The smallest phone a volunteer is likely to hold. */
const SMALL_PHONE = { width: 360, height: 740 };

/**
 * Holds the phone's first pack on its way back: the server builds it at once (the vouchers it
 * names are leased to the phone then), and the phone receives it only when `release` is called,
 * as over a slow link. Later packs pass.
 */
async function holdFirstPack(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let built = () => {};
  const builtOnServer = new Promise<void>((resolve) => {
    built = resolve;
  });
  let first = true;
  await page.route('**/v1/devices/*/pack*', async (route) => {
    if (!first) return route.continue();
    first = false;
    const response = await route.fetch();
    built();
    await released;
    await route.fulfill({ response });
  });
  return { builtOnServer, release };
}

/** Signs in at the gate and waits for the scanner, not for the list (which may be on its way). */
async function signInWithoutList(page: Page, key: string) {
  await page.goto('/scan');
  await openKeyForm(page);
  await page.getByLabel('Volunteer key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#point input[value="pp-central-gate"]').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('#view-scan').waitFor({ state: 'visible' });
}

/** What the voucher screen settles on after checking: its kind, title and detail. */
async function settledScreen(page: Page) {
  await page.locator('#state:not([data-kind="checking"])').waitFor({ state: 'visible', timeout: 30_000 });
  return { kind: await page.locator('#state').getAttribute('data-kind'), ...(await screenText(page)) };
}

describe('/scan: the handovers this phone made stay its own, whatever the network and the list', () => {
  const suite = demoInChromium();
  let context: BrowserContext;
  let violations: ReturnType<typeof watchForViolations>;

  beforeEach(async () => {
    context = await phone(suite.browser, suite.demo.baseUrl, {
      serviceWorkers: 'allow',
      viewport: SMALL_PHONE,
    });
    violations = watchForViolations(context, suite.demo.baseUrl);
  });
  afterEach(async () => {
    expect(violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await context.close();
    // Each test's phone starts as the only device of the shelter, holding its whole pool.
    await revokeAllDevices(suite.demo, 'pp-central');
  });

  it('never offers again a voucher it handed over online while its list was still downloading: offline after a reload, then online after another', async () => {
    const { demo } = suite;
    const voucher = await issueVoucher(demo);
    const page = await context.newPage();
    const pack = await holdFirstPack(page);
    await signInWithoutList(page, demo.keys.volunteer);
    // The list is built on the server (this voucher leased to this phone) but not yet received.
    await pack.builtOnServer;

    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'redeemed');
    expect((await screenText(page)).title).toBe('Handed over, confirmed');

    // The list arrives after the handover, still naming the voucher as one to hand over: the
    // phone leaves it off its list.
    pack.release();
    await waitUntilReadyOffline(page);
    expect(
      await page.evaluate(
        `import('/web/scan/offline-store.js').then((store) => store.poolVoucher('${voucher.id}'))`,
      ),
    ).toBeUndefined();

    await context.setOffline(true);
    await page.reload();
    await page.locator('#view-scan').waitFor({ state: 'visible' });
    expect((await page.locator('#status-line').getAttribute('data-online')) ?? '').toBe('false');
    await typeCode(page, voucher.code);
    const offline = await settledScreen(page);
    expect(offline.kind).toBe('handed-here');
    expect(offline.title).toBe('Handed over here');
    expect(offline.detail).toMatch(/^Handed over here at \d{2}:\d{2}\. Nothing more to hand over\./);
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-artifacts/own-handover-offline.png' });

    await context.setOffline(false);
    await page.reload();
    await page.locator('#view-scan').waitFor({ state: 'visible' });
    await waitUntilPackTaken(page);
    await typeCode(page, voucher.code);
    const online = await settledScreen(page);
    expect(online.kind).toBe('handed-here');
    expect(online.detail).toMatch(/^Handed over here at \d{2}:\d{2}\./);
    expect(await page.getByRole('button', { name: 'Handed over' }).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-artifacts/own-handover-online.png' });

    // Handed over once: nothing waits to sync, and no conflict was opened.
    await waitForWaiting(page, 0);
    const conflicts = await demo.http(
      'GET',
      '/v1/conflicts?shelterId=pp-central&status=open',
      demo.keys.logistics,
    );
    expect((conflicts.body.items as Array<{ voucherId: string }>).map((c) => c.voucherId)).not.toContain(
      voucher.id,
    );
  });

  it('knows its own handover from the server when the answer was lost and the page reloaded, and keeps it for offline', async () => {
    const { demo } = suite;
    const page = await context.newPage();
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilReadyOffline(page);
    // Issued after the phone took its list: checked and handed over online.
    const voucher = await issueVoucher(demo);
    // The server commits every attempt's redemption; the phone never hears an answer.
    await page.route('**/v1/redemptions', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Handed over' }).click();
    await waitForState(page, 'offline');
    const stored = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
    expect(stored.body).toMatchObject({ status: 'redeemed' });

    // The volunteer gives up waiting and reloads: the phone kept nothing of that handover.
    await page.unroute('**/v1/redemptions');
    await page.reload();
    await page.locator('#view-scan').waitFor({ state: 'visible' });
    await typeCode(page, voucher.code);
    const online = await settledScreen(page);
    expect(online.kind).toBe('handed-here');
    expect(online.detail).toMatch(/^Handed over here at \d{2}:\d{2}\./);

    await context.setOffline(true);
    await page.reload();
    await page.locator('#view-scan').waitFor({ state: 'visible' });
    await typeCode(page, voucher.code);
    expect((await settledScreen(page)).kind).toBe('handed-here');
  });

  it('still knows an online handover after the browser is restarted, with the network off', async () => {
    const { demo } = suite;
    const profile = await mkdtemp(join(tmpdir(), 'supplyline-restart-'));
    let browser = await persistentPhone(profile, demo.baseUrl, SMALL_PHONE);
    try {
      const page = await browser.newPage();
      await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
      await waitUntilReadyOffline(page);
      // Issued after the phone took its list: handed over online.
      const voucher = await issueVoucher(demo);
      await typeCode(page, voucher.code);
      await waitForState(page, 'ready');
      await page.getByRole('button', { name: 'Handed over' }).click();
      await waitForState(page, 'redeemed');
      await browser.close();

      browser = await persistentPhone(profile, demo.baseUrl, SMALL_PHONE);
      await browser.setOffline(true);
      const again = await browser.newPage();
      await again.goto('/scan');
      await again.locator('#view-scan').waitFor({ state: 'visible' });
      await typeCode(again, voucher.code);
      expect((await settledScreen(again)).kind).toBe('handed-here');
    } finally {
      await browser.close();
    }
  });

  it('keeps as its own what a phone of the previous version handed over offline: the upgrade copies its outbox', async () => {
    const { demo } = suite;
    const voucher = await issueVoucher(demo);
    const page = await context.newPage();
    await page.goto('/scan');
    await page.locator('#view-signin').waitFor({ state: 'visible' });
    // The database as the first offline scanner left it: version 1, one record waiting to sync.
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('supplyline-scan', 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('devices', { keyPath: 'pickupPointId' });
        db.createObjectStore('packs', { keyPath: 'deviceId' });
        const vouchers = db.createObjectStore('vouchers', { keyPath: 'id' });
        vouchers.createIndex('byDevice', 'deviceId');
        vouchers.createIndex('byCode', ['deviceId', 'code']);
        const outbox = db.createObjectStore('outbox', { keyPath: 'clientRedemptionId' });
        outbox.createIndex('byDevice', 'deviceId');
        outbox.createIndex('byVoucher', ['deviceId', 'voucherId']);
        outbox.createIndex('byState', ['deviceId', 'state']);
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('outbox', 'readwrite');
        tx.objectStore('outbox').add({
          clientRedemptionId: '01KAAAAAAAAAAAAAAAAAAAAAAA', deviceId: 'dev_01KAAAAAAAAAAAAAAAAAAAAAAA',
          voucherId: '${voucher.id}', pickupPointId: 'pp-central-gate', lines: [], sequence: 1,
          deviceTime: '2026-12-01T03:04:00.000Z', hmac: 'x', code: '${voucher.code}', state: 'pending',
        });
        tx.oncomplete = () => { db.close(); resolve(undefined); };
        tx.onerror = () => reject(tx.error);
      };
    })`);

    const seen = await page.evaluate(
      `import('/web/scan/handed-here.js').then((m) => m.handedHere({ code: '${voucher.code}' }))`,
    );

    expect(seen).toEqual({ kind: 'handed-here', at: '2026-12-01T03:04:00.000Z', pending: true });
  });

  it('confirms a handover from its list at once, even while a refresh of the list is still running', async () => {
    const { demo } = suite;
    const voucher = await issueVoucher(demo);
    const page = await context.newPage();
    await signInToScan(page, demo.keys.volunteer, 'pp-central-gate');
    await waitUntilPackTaken(page);
    // The next refresh hangs on a slow link until the end of the test.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let refreshing = () => {};
    const refreshStarted = new Promise<void>((resolve) => {
      refreshing = resolve;
    });
    await page.route('**/v1/devices/*/pack*', async (route) => {
      refreshing();
      await released;
      await route.continue();
    });
    // Back from a moment without network: the phone starts a sync round at once.
    await context.setOffline(true);
    await context.setOffline(false);
    await refreshStarted;

    await typeCode(page, voucher.code);
    await waitForState(page, 'ready');
    await page.getByRole('button', { name: 'Handed over' }).click();

    // Confirmed by the server while the refresh still hangs: sent at once, not at the next round.
    await waitForState(page, 'redeemed');
    expect((await screenText(page)).title).toBe('Handed over, confirmed');
    const status = await demo.http('GET', `/v1/vouchers/${voucher.id}`, demo.keys.coordinator);
    expect(status.body).toMatchObject({ status: 'redeemed', pickupPointId: 'pp-central-gate' });
    release();
  });
});
