// (j) Page weight, in Debian's Chromium: each page opened on a 360x740 phone with an empty cache,
// what it fetched until the network went quiet, gzipped (the budgets: /scan at most 60 KB,
// every other page at most 150 KB) and as it crossed the wire (brotli, headers included). For
// /scan also the offline install: what its service worker fetched to precache after that first
// load. The list Chromium fetched is compared with the fast test's model of a first load
// (test/support/page-weight.ts), so a page that starts fetching something else shows here.
import { gunzipSync } from 'node:zlib';
import type { Request } from 'playwright-core';
import type { DynamoDbLocal } from '../scripts/lib/dynamodb-local.js';
import { createApp } from '../shared/http/app.js';
import type { AppDeps } from '../shared/http/app-env.js';
import { launchChromium } from '../test/e2e/support/browser.js';
import { type BudgetedPage, firstLoadOf, type GzipFetch, PAGE_BUDGETS } from '../test/support/page-weight.js';
import { type InvitationFlowResult, measureInvitationFlow, renderInvitationFlow } from './invitation-flow.js';

export interface PageWeightRow {
  page: BudgetedPage;
  budgetBytes: number;
  /** Requests the page made (documents, scripts, styles, icons), not the service worker's. */
  files: number;
  gzipBytes: number;
  /** What Chromium received: bodies as encoded (brotli) plus response headers. */
  wireBytes: number;
  /** Files Chromium fetched that the fast test's model does not count, and the reverse. */
  onlyInChromium: string[];
  onlyInModel: string[];
}

export interface PageWeightResult {
  pages: PageWeightRow[];
  /**
   * /scan's service worker, precaching after the first load: its files, their gzipped size, and
   * what crossed the wire (a file the page had just loaded is revalidated: 304, headers only).
   */
  scanOfflineInstall: { files: number; gzipBytes: number; wireBytes: number };
  /** What a volunteer types from their invitation to their first handover (goal: nothing). */
  invitationFlow: InvitationFlowResult;
}

interface Fetched {
  path: string;
  wireBytes: number;
  byServiceWorker: boolean;
}

/** The same app in this process: each file's gzipped body as the server sends it, byte for byte. */
function gzipFetcher(deps: AppDeps): GzipFetch {
  const app = createApp(deps);
  return async (url) => {
    const response = await app.request(url, { headers: { 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await response.arrayBuffer());
    const gzipped = response.headers.get('content-encoding') === 'gzip';
    return {
      status: response.status,
      gzipBytes: body.length,
      text: (gzipped ? gunzipSync(body) : body).toString(),
    };
  };
}

async function open(baseUrl: string, page: BudgetedPage): Promise<Fetched[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    const pending: Array<Promise<Fetched>> = [];
    context.on('requestfinished', (request: Request) => {
      pending.push(
        request.sizes().then((sizes) => ({
          path: new URL(request.url()).pathname,
          wireBytes: sizes.responseBodySize + sizes.responseHeadersSize,
          byServiceWorker: request.serviceWorker() !== null,
        })),
      );
    });
    const tab = await context.newPage();
    await tab.goto(page, { waitUntil: 'networkidle' });
    if (page === '/scan') {
      // The worker installs after the first load: wait until it controls nothing less than the page.
      await tab.evaluate('navigator.serviceWorker.ready');
      await tab.waitForLoadState('networkidle');
    }
    const fetched = await Promise.all(pending);
    await context.close();
    return fetched;
  } finally {
    await browser.close();
  }
}

async function gzipTotal(fetchGzip: GzipFetch, paths: string[]): Promise<number> {
  const sizes = await Promise.all(paths.map((path) => fetchGzip(path)));
  return sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
}

export async function measurePageWeight(env: {
  baseUrl: string;
  deps: AppDeps;
  db: DynamoDbLocal;
}): Promise<PageWeightResult> {
  const fetchGzip = gzipFetcher(env.deps);
  const pages: PageWeightRow[] = [];
  let scanOfflineInstall = { files: 0, gzipBytes: 0, wireBytes: 0 };
  for (const page of Object.keys(PAGE_BUDGETS) as BudgetedPage[]) {
    const fetched = await open(env.baseUrl, page);
    const byPage = fetched.filter((file) => !file.byServiceWorker);
    const paths = [...new Set(byPage.map((file) => file.path))];
    const model = await firstLoadOf(page, fetchGzip);
    const modelled = new Set(model.files.map((file) => file.url));
    pages.push({
      page,
      budgetBytes: PAGE_BUDGETS[page],
      files: paths.length,
      gzipBytes: await gzipTotal(fetchGzip, paths),
      wireBytes: byPage.reduce((sum, file) => sum + file.wireBytes, 0),
      onlyInChromium: paths.filter((path) => !modelled.has(path)),
      onlyInModel: [...modelled].filter((path) => !paths.includes(path)),
    });
    if (page === '/scan') {
      const precached = fetched.filter((file) => file.byServiceWorker);
      scanOfflineInstall = {
        files: precached.length,
        gzipBytes: await gzipTotal(
          fetchGzip,
          precached.map((file) => file.path),
        ),
        wireBytes: precached.reduce((sum, file) => sum + file.wireBytes, 0),
      };
    }
  }
  return { pages, scanOfflineInstall, invitationFlow: await measureInvitationFlow(env) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function renderPageWeight(r: PageWeightResult): string[] {
  const differences = r.pages
    .filter((row) => row.onlyInChromium.length > 0 || row.onlyInModel.length > 0)
    .map(
      (row) =>
        `- ${row.page}: fetched by Chromium only: ${row.onlyInChromium.join(', ') || 'none'}; counted by the test only: ${row.onlyInModel.join(', ') || 'none'}.`,
    );
  return [
    '## (j) Page weight: each page’s first load with an empty cache (Chromium)',
    '',
    "Debian's Chromium on a 360x740 phone, a fresh profile per page, until the network is quiet: every file the page fetched, gzipped as the server sends it when asked for gzip (the budget's unit; 1 KB = 1,000 bytes), and what Chromium received (brotli, headers included). The page is opened signed out, as a phone meets it first. /scan's offline install is what its service worker then precached (the page, every scanner and shared module, jsQR, idb, @noble/ed25519): the files' gzipped size, and what crossed the wire, where a file the page had just loaded is only revalidated (304, headers only). Headers are counted as HTTP/1.1 sends them (about 550 bytes a file here); HTTP/2 compresses repeated headers to a few bytes.",
    '',
    '| page | files | gzipped | on the wire (br) | budget | verdict |',
    '|---|---|---|---|---|---|',
    ...r.pages.map(
      (row) =>
        `| ${row.page} | ${row.files} | ${kb(row.gzipBytes)} | ${kb(row.wireBytes)} | <= ${kb(row.budgetBytes)} | ${row.gzipBytes <= row.budgetBytes ? 'met' : '**missed**'} |`,
    ),
    `| /scan offline install (service worker) | ${r.scanOfflineInstall.files} | ${kb(r.scanOfflineInstall.gzipBytes)} | ${kb(r.scanOfflineInstall.wireBytes)} | | |`,
    '',
    differences.length === 0
      ? 'Chromium fetched exactly the files the fast test (test/integration/page-weight.test.ts) counts for each page.'
      : `Where Chromium and the fast test's model differ:\n${differences.join('\n')}`,
    '',
    ...renderInvitationFlow(r.invitationFlow),
  ];
}
