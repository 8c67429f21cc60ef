import { describe, expect, it } from 'vitest';
import { watchForViolations } from './support/browser.js';
import { demoInChromium } from './support/lifecycle.js';

describe('/docs in a real browser', () => {
  const suite = demoInChromium();

  it('renders every operation of the OpenAPI document with no request leaving the machine', async () => {
    const { demo, browser } = suite;
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
