import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe.js';
import { watchForViolations } from './support/browser.js';
import { demoInChromium } from './support/lifecycle.js';

describe('/docs in a real browser', () => {
  const suite = demoInChromium();

  it('writes out every operation of the OpenAPI document, with no script and no request leaving the machine', async () => {
    const { demo, browser } = suite;
    const context = await browser.newContext({ baseURL: demo.baseUrl });
    const violations = watchForViolations(context, demo.baseUrl);
    const scripts: string[] = [];
    context.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    const page = await context.newPage();
    await page.goto('/docs');

    const documented = (await (await fetch(`${demo.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(documented.paths).flatMap((methods) => Object.values(methods));
    expect(await page.locator('details.operation').count()).toBe(operations.length);
    for (const { operationId } of operations) expect(await page.locator(`#${operationId}`).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Supplyline API');
    expect(scripts).toEqual([]);
    expect(violations.elsewhere).toEqual([]);
    expect(violations.blockedByCsp).toEqual([]);
    await context.close();
  });

  it('opens an operation and follows its body to the schema, and axe-core finds no serious or critical violation on a 360x740 phone', async () => {
    const { demo, browser } = suite;
    const context = await browser.newContext({
      baseURL: demo.baseUrl,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/docs');
    await expectNoSeriousA11yViolations(page, '/docs, every operation closed (en)');

    const redeem = page.locator('#redeemVoucher');
    await redeem.locator('summary').click();
    expect(await redeem.getAttribute('open')).not.toBeNull();
    await expectNoSeriousA11yViolations(page, '/docs, an operation open (en)');
    await page.screenshot({ path: 'test-artifacts/a11y-docs-operation-en.png' });

    await redeem.getByRole('link', { name: 'Redeem', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#schema-Redeem');
    expect(await page.locator('#schema-Redeem').textContent()).toContain('pickupPointId');
    await page.screenshot({ path: 'test-artifacts/a11y-docs-schema-en.png' });
    await context.close();
  });
});
