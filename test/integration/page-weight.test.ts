import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BudgetedPage, firstLoadOf, type GzipFetch, PAGE_BUDGETS } from '../support/page-weight.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('page weight budgets (issue 22): each page’s first load, gzipped, as the server sends it', () => {
  let t: TestApp;
  let fetchGzip: GzipFetch;

  beforeAll(async () => {
    t = await createTestApp();
    fetchGzip = async (url) => {
      const response = await t.app.request(url, { headers: { 'accept-encoding': 'gzip' } });
      const body = Buffer.from(await response.arrayBuffer());
      const gzipped = response.headers.get('content-encoding') === 'gzip';
      return {
        status: response.status,
        gzipBytes: body.length,
        text: (gzipped ? gunzipSync(body) : body).toString('utf8'),
      };
    };
  });

  it.each(Object.entries(PAGE_BUDGETS) as Array<[BudgetedPage, number]>)(
    '%s loads within %i bytes',
    async (page, budget) => {
      const load = await firstLoadOf(page, fetchGzip);

      const list = load.files.map((file) => `${file.url} ${file.gzipBytes}`).join('\n');
      expect(load.gzipBytes, `${page}: ${load.gzipBytes} bytes gzipped\n${list}`).toBeLessThanOrEqual(budget);
    },
  );
});
