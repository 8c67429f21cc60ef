import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium): never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One Chromium. Playwright gives every launch a fresh, empty --user-data-dir of its own (and
 * refuses one in `args`), so nothing carries over between launches. The fake camera is a browser
 * flag, not a per-page setting: a test that needs another video needs another launch.
 */
export function launchChromium(options: { cameraVideo?: string } = {}): Promise<Browser> {
  const camera =
    options.cameraVideo === undefined
      ? []
      : [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${options.cameraVideo}`,
        ];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...flags, ...camera] });
}

/**
 * A phone whose browser keeps its profile in `userDataDir`: closed and opened again on the same
 * folder, it is the same phone after a browser restart (its storage, its service worker).
 */
export function persistentPhone(
  userDataDir: string,
  baseUrl: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: flags,
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Asia/Phnom_Penh',
    serviceWorkers: 'allow',
  });
}

/** A phone-sized, isolated browsing context (its own storage), as a volunteer's phone would be. */
export async function phone(
  browser: Browser,
  baseUrl: string,
  options: {
    serviceWorkers?: 'allow' | 'block';
    timezoneId?: string;
    /** 390x844 unless a test is about the smallest phones a volunteer may hold (360x740). */
    viewport?: { width: number; height: number };
    /** The phone's own language: en-GB unless a test is about a phone set to Khmer (km-KH). */
    locale?: string;
  } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Asia/Phnom_Penh',
    // Blocked unless a test is about loading offline: a worker's cache would hide what a page fetches.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  await context.grantPermissions(['camera'], { origin: baseUrl });
  return context;
}

/**
 * What a page must never do, collected for the test to assert on: requests that would leave the
 * machine, and anything the Content-Security-Policy had to block.
 */
export function watchForViolations(context: BrowserContext, baseUrl: string) {
  const violations = { elsewhere: [] as string[], blockedByCsp: [] as string[] };
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      violations.elsewhere.push(url);
  });
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.blockedByCsp.push(message.text());
  });
  return violations;
}

export interface Transfer {
  /** HTML, scripts and style sheets: bytes on the wire, headers included. */
  pageBytes: number;
  /** API calls made by the page. */
  apiBytes: number;
  files: Array<{ url: string; bytes: number }>;
}

/**
 * Counts what the browser receives, as the network sees it: compressed bodies plus headers
 * (Playwright's request.sizes(), from Chromium's own accounting).
 */
export function measureTransfer(page: Page): () => Promise<Transfer> {
  const pending: Array<Promise<{ url: string; bytes: number }>> = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => ({
        url: new URL(request.url()).pathname,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      })),
    );
  });
  return async () => {
    const files = await Promise.all(pending);
    const sum = (list: typeof files) => list.reduce((total, file) => total + file.bytes, 0);
    const api = files.filter((file) => file.url.startsWith('/v1/'));
    const pageFiles = files.filter((file) => !file.url.startsWith('/v1/'));
    return { pageBytes: sum(pageFiles), apiBytes: sum(api), files: pageFiles };
  };
}
