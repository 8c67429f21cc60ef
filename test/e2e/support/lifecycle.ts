import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium, phone, watchForViolations } from './browser.js';
import { type DemoServer, serveDemo } from './demo-server.js';

/** Filled in by the hooks below: read it inside tests and hooks, never at collection time. */
export interface DemoInChromium {
  demo: DemoServer;
  browser: Browser;
}

export interface PhoneUnderTest extends DemoInChromium {
  context: BrowserContext;
  page: Page;
  violations: ReturnType<typeof watchForViolations>;
}

/**
 * One demo server and one Chromium for the whole test file, closed after it. With `cameraVideo`,
 * Chromium's fake camera films the video it writes, once the demo is up (it may need a voucher).
 */
export function demoInChromium(
  options: {
    cameraVideo?: (demo: DemoServer) => Promise<string>;
    /** The demo server's clock or settings, when the test is about them. */
    server?: Parameters<typeof serveDemo>[0];
  } = {},
): DemoInChromium {
  const suite = {} as DemoInChromium;
  beforeAll(async () => {
    const { cameraVideo } = options;
    if (cameraVideo === undefined) {
      [suite.demo, suite.browser] = await Promise.all([serveDemo(options.server), launchChromium()]);
    } else {
      suite.demo = await serveDemo(options.server);
      suite.browser = await launchChromium({ cameraVideo: await cameraVideo(suite.demo) });
    }
    await mkdir('test-artifacts', { recursive: true });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.demo?.close();
  });
  return suite;
}

/**
 * The same, and a fresh phone for each test: its own storage, watched throughout; after the test,
 * no request has left the machine and the Content-Security-Policy blocked nothing.
 */
export function phonePerTest(options: Parameters<typeof demoInChromium>[0] = {}): PhoneUnderTest {
  const suite = demoInChromium(options);
  const under = {
    get demo() {
      return suite.demo;
    },
    get browser() {
      return suite.browser;
    },
  } as PhoneUnderTest;
  beforeEach(async () => {
    under.context = await phone(suite.browser, suite.demo.baseUrl);
    under.violations = watchForViolations(under.context, suite.demo.baseUrl);
    under.page = await under.context.newPage();
  });
  afterEach(async () => {
    expect(under.violations).toEqual({ elsewhere: [], blockedByCsp: [] });
    await under.context.close();
  });
  return under;
}
