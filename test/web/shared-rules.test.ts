import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as domainOfflineSync from '../../shared/domain/offline-sync.js';
import * as domainShortCode from '../../shared/domain/short-code.js';
import * as crockford from '../../shared/rules/crockford.js';
import * as offlineRecord from '../../shared/rules/offline-record.js';
import * as shortCode from '../../shared/rules/short-code.js';
import { scanPrecache } from '../../web/serve/service-worker-script.js';
import { sharedRuleFiles, urlOf } from '../../web/serve/web-files.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const root = join(import.meta.dirname, '../..');

async function filesUnder(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => posix.join(posix.relative(root, entry.parentPath), entry.name))
    .sort();
}

/** Every relative import of a browser module, as the URL the browser resolves it to. */
async function importedUrls(path: string): Promise<string[]> {
  const source = await readFile(join(root, path), 'utf8');
  const base = `http://page${path.startsWith('web/') ? `/web/${path.slice(4)}` : `/${path}`}`;
  const statics = source.matchAll(/^(?:import|export)\b[^'"]*?from '(\.{1,2}\/[^']+)'/gm);
  const dynamics = source.matchAll(/\bawait import\('(\.{1,2}\/[^']+)'\)/g);
  return [...statics, ...dynamics].map(([, imported]) => new URL(imported ?? '', base).pathname);
}

describe('rules the browser shares with the server (shared/rules)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  it('serves every module of shared/rules at its repository path, byte for byte the file the server runs', async () => {
    expect([...sharedRuleFiles].sort()).toEqual(await filesUnder('shared/rules', '.js'));
    for (const path of sharedRuleFiles) {
      const response = await t.app.request(urlOf(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBeNull();
      expect(await response.text(), path).toBe(await readFile(join(root, path), 'utf8'));
    }
  });

  it('serves nothing else under /shared: no server module, no path outside the list', async () => {
    for (const path of [
      '/shared/rules/nope.js',
      '/shared/domain/voucher.ts',
      '/shared/rules/..%2F..%2Fpackage.json',
      '/shared/rules/short-code.ts',
    ]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
  });

  it('is what the server’s own modules run: the same functions, not copies', () => {
    expect(domainShortCode.parseShortCode).toBe(shortCode.parseShortCode);
    expect(domainShortCode.formatShortCode).toBe(shortCode.formatShortCode);
    expect(domainOfflineSync.offlineRecordMessage).toBe(offlineRecord.offlineRecordMessage);
    expect(
      domainOfflineSync.offlineRecordSchema.shape.clientRedemptionId.safeParse('01ARZ3NDEKTSV4RRFFQ69G5FAV')
        .success,
    ).toBe(true);
    expect(crockford.ULID_PATTERN.test('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
  });

  it('is imported by the pages from that one place: no page file restates the alphabet, the problem type or base64url', async () => {
    for (const path of await filesUnder('web', '.js')) {
      const source = await readFile(join(root, path), 'utf8');
      expect(source, path).not.toContain(crockford.CROCKFORD);
      expect(source, path).not.toContain('urn:supplyline:problem');
      expect(source, path).not.toMatch(/\batob\(|\bbtoa\(/);
      expect(source, path).not.toMatch(/JSON\.stringify\(\[\s*record\./);
    }
  });

  it('reaches the scanner through its imports: each rule it imports is a served shared rule, precached for offline use', async () => {
    const precached = new Set(scanPrecache.map(urlOf));
    const seen = new Set<string>();
    const queue = ['web/scan/scan.js'];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      for (const url of await importedUrls(path)) {
        if (url.startsWith('/web/vendor/') || seen.has(url)) continue;
        seen.add(url);
        queue.push(url.startsWith('/web/') ? `web/${url.slice(5)}` : url.slice(1));
      }
    }
    const rulesImported = [...seen].filter((url) => url.startsWith('/shared/rules/')).sort();

    // The scanner's rules (the desk's, such as waybill.js and alert-levels.js, are not its own).
    expect(rulesImported).toEqual(
      expect.arrayContaining(
        ['offline-record', 'short-code', 'voucher-rules', 'voucher-token'].map(
          (name) => `/shared/rules/${name}.js`,
        ),
      ),
    );
    for (const url of rulesImported) expect(sharedRuleFiles.map(urlOf), url).toContain(url);
    for (const url of seen) expect(precached.has(url), url).toBe(true);
  });
});
