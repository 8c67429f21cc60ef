import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { webAssetNames } from '../../shared/http/web/web-assets.js';
import { call, isProblem } from '../support/http.js';
import { httpApiV2Event, lambdaContext } from '../support/lambda-events.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';

const webDir = join(import.meta.dirname, '../../shared/web');

async function fetchRaw(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(path, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('the /scan and /dashboard pages, as the server sends them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  describe('happy path', () => {
    it.each(['/scan', '/dashboard'])(
      'serves %s as HTML with a strict same-origin Content-Security-Policy',
      async (path) => {
        const page = await call(t.app, 'GET', path);

        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("connect-src 'self'");
        expect(csp).not.toContain('unsafe');
        expect(page.headers.get('permissions-policy')).toContain('camera=(self)');
      },
    );

    it('links only files of its own origin, every one of them served', async () => {
      for (const path of ['/scan', '/dashboard']) {
        const page = await call(t.app, 'GET', path);
        const urls = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
        expect(urls.length).toBeGreaterThan(2);
        for (const url of urls) {
          expect(url.startsWith('/web/')).toBe(true);
          expect((await t.app.request(url)).status, url).toBe(200);
        }
      }
    });

    it('serves every module a page script imports, and jsQR', async () => {
      const scripts = webAssetNames.filter((name) => name.endsWith('.js') && name !== 'jsQR.js');
      for (const name of scripts) {
        const source = await readFile(join(webDir, name), 'utf8');
        for (const [, imported] of source.matchAll(/from '\.\/([\w-]+\.js)'/g)) {
          expect((await t.app.request(`/web/${imported}`)).status, `${name} imports ${imported}`).toBe(200);
        }
      }
      const decoder = await t.app.request('/web/jsQR.js');
      expect(decoder.status).toBe(200);
      expect(await decoder.text()).toContain('jsQR');
    });

    it('lists in the loader exactly the files of shared/web', async () => {
      const files = (await readdir(webDir)).sort();
      expect([...webAssetNames].filter((name) => name !== 'jsQR.js').sort()).toEqual(files);
    });

    it('names no other origin in any of its files', async () => {
      for (const name of await readdir(webDir)) {
        const source = await readFile(join(webDir, name), 'utf8');
        const urls = [...source.matchAll(/\bhttps?:\/\/[^\s'"`)]+/g)].map((m) => m[0]);
        // The SVG namespace is a name, never fetched.
        expect(
          urls.filter((url) => url !== 'http://www.w3.org/2000/svg'),
          name,
        ).toEqual([]);
      }
    });
  });

  describe('compression and caching', () => {
    it('sends brotli when accepted, else gzip, else the file as it is', async () => {
      const plain = await fetchRaw(t, '/web/jsQR.js');
      const gzipped = await fetchRaw(t, '/web/jsQR.js', { 'accept-encoding': 'gzip, deflate' });
      const brotli = await fetchRaw(t, '/web/jsQR.js', { 'accept-encoding': 'gzip, deflate, br' });

      expect(plain.response.headers.get('content-encoding')).toBeNull();
      expect(gzipped.response.headers.get('content-encoding')).toBe('gzip');
      expect(brotli.response.headers.get('content-encoding')).toBe('br');
      expect(gunzipSync(gzipped.bytes)).toEqual(plain.bytes);
      expect(brotliDecompressSync(brotli.bytes)).toEqual(plain.bytes);
      expect(brotli.bytes.length).toBeLessThan(plain.bytes.length / 5);
      expect(gzipped.response.headers.get('vary')).toBe('Accept-Encoding');
    });

    it('answers 304 Not Modified to a revalidation with the same ETag', async () => {
      const first = await fetchRaw(t, '/scan', { 'accept-encoding': 'gzip' });
      const etag = first.response.headers.get('etag') ?? '';
      expect(first.response.headers.get('cache-control')).toBe('no-cache');

      const again = await fetchRaw(t, '/scan', { 'accept-encoding': 'gzip', 'if-none-match': etag });

      expect(again.response.status).toBe(304);
      expect(again.bytes.length).toBe(0);
    });

    it('keeps the pages’ transfer small: every file gzipped is under 150 KB together', async () => {
      let total = 0;
      for (const name of webAssetNames) {
        const path =
          name === 'scan.html' ? '/scan' : name === 'dashboard.html' ? '/dashboard' : `/web/${name}`;
        total += (await fetchRaw(t, path, { 'accept-encoding': 'gzip' })).bytes.length;
      }
      expect(total).toBeLessThan(150 * 1024);
    });
  });

  describe('errors', () => {
    it('answers 404 problem+json for a file that is not one of the pages’', async () => {
      for (const path of ['/web/nope.js', '/web/..%2Fapp.ts', '/web/scan.html']) {
        const result = await call(t.app, 'GET', path);
        expect(result.status, path).toBe(404);
        expect(isProblem(result)).toBe(true);
      }
    });
  });
});

describe('where the page files are read from', () => {
  it('reads every file from WEB_ASSET_DIR when it is set (as a deployment copies them)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'web-assets-'));
    await writeFile(join(dir, 'scan.html'), '<!doctype html><title>copied</title>');
    vi.stubEnv('WEB_ASSET_DIR', dir);
    vi.resetModules();
    const { loadWebAsset } = await import('../../shared/http/web/web-assets.js');

    const asset = await loadWebAsset('scan.html', 'identity');

    expect(Buffer.from(asset.body).toString()).toContain('copied');
    vi.unstubAllEnvs();
  });
});

describe('the pages on Lambda (functions/api.ts)', () => {
  it('serves /scan compressed, base64-encoded as API Gateway expects', async () => {
    const table = await freshTable();
    vi.stubEnv('TABLE_NAME', table.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', table.endpoint);
    vi.stubEnv('LOG_LEVEL', 'silent');
    vi.stubEnv('SECRETS_JSON', JSON.stringify(generateAppSecrets()));
    vi.resetModules();
    const { handler } = await import('../../functions/api.js');

    const result = (await handler(
      httpApiV2Event({ method: 'GET', path: '/scan', headers: { 'accept-encoding': 'gzip' } }),
      lambdaContext,
    )) as { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };

    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(result.body, 'base64')).toString()).toContain('/web/scan.js');
    vi.unstubAllEnvs();
  });
});
