import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone } from './support/browser.js';
import { demoInChromium } from './support/lifecycle.js';

describe('/scan’s offline install on a phone’s first visit', () => {
  const suite = demoInChromium();

  it('precaches every file for offline use without downloading again what the page has just loaded', async () => {
    const { demo, browser } = suite;
    const context = await phone(browser, demo.baseUrl, { serviceWorkers: 'allow' });
    const byPage = new Set<string>();
    const byWorker: Array<Promise<{ path: string; bodyBytes: number }>> = [];
    context.on('requestfinished', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (request.serviceWorker() === null) byPage.add(path);
      else byWorker.push(request.sizes().then((sizes) => ({ path, bodyBytes: sizes.responseBodySize })));
    });
    const page = await context.newPage();

    await page.goto('/scan', { waitUntil: 'networkidle' });
    // Installed and activated: its precache is complete (cache.addAll settles before install ends).
    await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
    await page.waitForLoadState('networkidle');

    // The worker's own script is fetched by its registration; the rest is its precache.
    const precached = (await Promise.all(byWorker)).filter((file) => file.path !== '/scan-sw.js');
    expect(precached.map((file) => file.path)).toEqual(
      expect.arrayContaining(['/scan', '/web/vendor/jsQR.js']),
    );
    const sentTwice = precached.filter((file) => byPage.has(file.path) && file.bodyBytes > 0);
    expect(sentTwice.map((file) => `${file.path} ${file.bodyBytes}`)).toEqual([]);
    const offlineOnly = precached.filter((file) => !byPage.has(file.path));
    expect(offlineOnly.filter((file) => file.bodyBytes === 0)).toEqual([]);
    await context.close();
  });
});
