import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateAppSecrets } from '../../shared/config/secrets.js';
import { pages } from '../../web/serve/pages.js';
import { ourFiles, sourceOf, urlOf, webFiles } from '../../web/serve/web-files.js';
import { expectMatchesContract } from '../support/contract.js';
import { call, isProblem } from '../support/http.js';
import { httpApiV2Event, lambdaContext } from '../support/lambda-events.js';
import { createTestApp, freshTable, type TestApp } from '../support/test-app.js';

const webDir = join(import.meta.dirname, '../../web');
const pagePaths: string[] = Object.values(pages).map((page) => page.path);

/** What the browser is sent from web/: not the serving code, nor the type-checking set-up. */
async function browserFilesOnDisk(): Promise<string[]> {
  const entries = await readdir(webDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => posix.join(posix.relative(webDir, entry.parentPath), entry.name))
    .filter((path) => !path.startsWith('serve/') && !path.endsWith('.d.ts') && path !== 'tsconfig.json')
    .sort();
}

/** What /admin loads besides the shared files: an office page, with a budget of its own. */
const adminFiles = webFiles.filter((path) => /^admin\/.*\.(js|css)$/.test(path));

async function fetchRaw(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(path, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  const { status, headers: received } = response;
  expectMatchesContract({ method: 'GET', url: path, status, headers: received, text: bytes.toString() });
  return { response, bytes };
}

describe('the /scan, /dashboard, /desk, /coordinator and /admin pages, as the server sends them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  describe('happy path', () => {
    it.each(['/scan', '/dashboard', '/desk', '/coordinator', '/admin'])(
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
      for (const path of ['/scan', '/dashboard', '/desk', '/coordinator', '/admin']) {
        const page = await call(t.app, 'GET', path);
        // Links within the page itself (a skip link's #content) load nothing.
        const urls = [...page.text.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1] ?? '');
        expect(urls.length).toBeGreaterThan(2);
        for (const url of urls) {
          // Its files, and a link to another page of ours (the desk and the board name each
          // other; the scanner names the desk's conflicts, /desk#conflicts).
          const path = url.split('#')[0] ?? url;
          expect(url.startsWith('/web/') || pagePaths.includes(path), url).toBe(true);
          expect((await t.app.request(path)).status, url).toBe(200);
        }
      }
    });

    it('fills one shell for both pages: the same head, each its own title, body and sign-in key', async () => {
      const scan = await call(t.app, 'GET', '/scan');
      const dashboard = await call(t.app, 'GET', '/dashboard');
      const coordinator = await call(t.app, 'GET', '/coordinator');
      const admin = await call(t.app, 'GET', '/admin');
      const desk = await call(t.app, 'GET', '/desk');

      for (const page of [scan, dashboard, coordinator, admin, desk]) {
        expect(page.text).not.toContain('{{');
        expect(page.text.match(/<form id="signin-form"/g)).toHaveLength(1);
        expect(page.text.match(/<head>/g)).toHaveLength(1);
      }
      expect(scan.text).toContain('<title>Supplyline · Hand out</title>');
      expect(dashboard.text).toContain('<title>Supplyline · Stock</title>');
      expect(scan.text).toContain('<script type="module" src="/web/scan/scan.js"></script>');
      expect(dashboard.text).toContain('<script type="module" src="/web/dashboard/dashboard.js"></script>');
      expect(scan.text).toContain('data-i18n="signin.volunteerKey">Volunteer key</label>');
      expect(dashboard.text).toContain('data-i18n="signin.logisticsKey">Logistics key</label>');
      expect(coordinator.text).toContain('<title>Supplyline · Rounds</title>');
      expect(coordinator.text).toContain('data-i18n="signin.coordinatorKey">Coordinator key</label>');
      expect(admin.text).toContain('<title>Supplyline · Administration</title>');
      expect(admin.text).toContain('<script type="module" src="/web/admin/admin.js"></script>');
      expect(admin.text).toContain('data-i18n="signin.adminKey">Admin or coordinator key</label>');
      expect(desk.text).toContain('<title>Supplyline · Logistics desk</title>');
      expect(desk.text).toContain('<script type="module" src="/web/desk/desk.js"></script>');
      expect(desk.text).toContain('<link rel="stylesheet" href="/web/common/form.css">');
      expect(desk.text).toContain('data-i18n="signin.deskKey">Logistics or admin key</label>');
    });

    it('serves every module a script imports, at once or on first use, at the URL the browser resolves it to, and jsQR', async () => {
      for (const path of webFiles.filter((file) => file.endsWith('.js') && !file.startsWith('vendor/'))) {
        // Without its comments: JSDoc names types with import('...'), which the browser never loads.
        const source = (await readFile(sourceOf(path), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
        for (const [, imported] of source.matchAll(/(?:from |import\()'(\.{1,2}\/[\w/-]+\.js)'/g)) {
          const url = new URL(imported ?? '', `http://page${urlOf(path)}`).pathname;
          expect((await t.app.request(url)).status, `${path} imports ${imported}`).toBe(200);
        }
      }
      const decoder = await t.app.request('/web/vendor/jsQR.js');
      expect(decoder.status).toBe(200);
      expect(await decoder.text()).toContain('jsQR');
    });

    it('lists in its catalogue exactly the files of web/ the browser is sent', async () => {
      expect([...ourFiles].sort()).toEqual(await browserFilesOnDisk());
    });

    it('names no other origin in any of its files', async () => {
      for (const name of await browserFilesOnDisk()) {
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
      const plain = await fetchRaw(t, '/web/vendor/jsQR.js');
      const gzipped = await fetchRaw(t, '/web/vendor/jsQR.js', { 'accept-encoding': 'gzip, deflate' });
      const brotli = await fetchRaw(t, '/web/vendor/jsQR.js', { 'accept-encoding': 'gzip, deflate, br' });

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

    // Issue 22 §3's people (invitations, details), partner keys and devices took /admin's own
    // files from 37 KB to 47 KB (its words in Khmer are a fifth of it); the page's budget, with
    // the shared files, is 150 KB (page-weight.test.ts). This holds the page's own part.
    it('keeps /admin’s own files under 56 KB gzipped together', async () => {
      let total = 0;
      for (const path of ['/admin', ...adminFiles.map((file) => `/web/${file}`)]) {
        total += (await fetchRaw(t, path, { 'accept-encoding': 'gzip' })).bytes.length;
      }
      expect(adminFiles.length).toBeGreaterThan(5);
      expect(total).toBeLessThan(56 * 1024);
    });
  });

  describe('errors', () => {
    it('answers 404 problem+json for a file that is not one of the pages’', async () => {
      const notSent = [
        '/web/nope.js',
        '/web/scan/nope.js',
        '/web/..%2Fapp.ts',
        '/web/scan/..%2F..%2Fpackage.json',
        '/web/scan/scan.html',
        '/web/common/shell.html',
        '/web/serve/web-routes.ts',
        '/web/tsconfig.json',
      ];
      for (const path of notSent) {
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
    await mkdir(join(dir, 'common'));
    await writeFile(join(dir, 'common', 'app.css'), '/* copied */');
    vi.stubEnv('WEB_ASSET_DIR', dir);
    vi.resetModules();
    const { readWebFile } = await import('../../web/serve/web-files.js');

    const file = await readWebFile('common/app.css');

    expect(Buffer.from(file.body).toString()).toContain('copied');
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
    expect(gunzipSync(Buffer.from(result.body, 'base64')).toString()).toContain('/web/scan/scan.js');
    vi.unstubAllEnvs();
  });
});
