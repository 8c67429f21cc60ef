import type { Page } from 'playwright-core';
import type { DemoServer } from './demo-server.js';

/** The status line's figures, as data attributes beside its text. */
export async function statusLine(page: Page) {
  const line = page.locator('#status-line');
  return {
    text: (await line.textContent()) ?? '',
    online: await line.getAttribute('data-online'),
    waiting: Number(await line.getAttribute('data-waiting')),
    pack: await line.getAttribute('data-pack'),
  };
}

/** Until the phone holds its pack and its service worker controls the page: ready to go offline. */
export async function waitUntilReadyOffline(page: Page): Promise<void> {
  await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000 });
}

/** Until the status line says this many handovers wait to sync. */
export async function waitForWaiting(page: Page, count: number, timeout = 30_000): Promise<void> {
  await page.locator(`#status-line[data-waiting="${count}"]`).waitFor({ state: 'attached', timeout });
}

/** Ends every device of the shelter (admin), so the next test's phone holds the whole pool. */
export async function revokeAllDevices(demo: DemoServer, shelterId: string): Promise<void> {
  const listed = await demo.http('GET', `/v1/devices?shelterId=${shelterId}&limit=200`, demo.keys.admin);
  for (const device of (listed.body.items as Array<{ id: string; status: string }> | undefined) ?? []) {
    if (device.status !== 'active') continue;
    await demo.http('POST', `/v1/devices/${device.id}/revoke`, demo.keys.admin, {});
  }
}

/** Until the phone holds its pack (no service worker needed: the page stays loaded). */
export async function waitUntilPackTaken(page: Page): Promise<void> {
  await page.locator('#status-line[data-pack="yes"]').waitFor({ state: 'attached', timeout: 30_000 });
}
