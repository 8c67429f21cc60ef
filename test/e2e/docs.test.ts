import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchForViolations } from './support/browser.js';
import { type DemoServer, serveDemo } from './support/demo-server.js';

describe('/docs in a real browser', () => {
  let demo: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    demo = await serveDemo();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('renders every operation of the OpenAPI document with no request leaving the machine', async () => {
    const context = await browser.newContext({ baseURL: demo.baseUrl });
    const violations = watchForViolations(context, demo.baseUrl);
    const page = await context.newPage();
    await page.goto('/docs');
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    const operations = await page.locator('.opblock').count();
    const documented = Object.values(
      ((await (await fetch(`${demo.baseUrl}/openapi.json`)).json()) as { paths: Record<string, object> })
        .paths,
    ).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    expect(operations).toBe(documented);
    expect(await page.locator('.info .title').textContent()).toContain('Supplyline API');
    expect(violations.elsewhere).toEqual([]);
    expect(violations.blockedByCsp).toEqual([]);
    await context.close();
  });
});
