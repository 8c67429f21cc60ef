import { createHash } from 'node:crypto';
import { type Content, cached } from './asset-cache.js';
import { pageHtml } from './pages.js';
import { isSharedRule, readWebFile, urlOf, type WebFile, webFiles } from './web-files.js';

/**
 * What the scanner needs to load and work with no network: its page, every script and style
 * sheet of the scanner and the pages' common code, the rules it shares with the server
 * (shared/rules), the vendored libraries it loads, its manifest and icon. Never an API path:
 * answers with data are the network's, always.
 */
export const scanPrecache: readonly WebFile[] = webFiles.filter(
  (path) =>
    (/^(common|scan)\/.*\.(js|css|svg|webmanifest)$/.test(path) && path !== 'scan/service-worker.js') ||
    isSharedRule(path) ||
    ['vendor/jsQR.js', 'vendor/idb.js', 'vendor/noble-ed25519.js'].includes(path),
);

/**
 * /scan-sw.js: the precache list and its version in front of web/scan/service-worker.js. The
 * version is a hash of every listed file as served, so any change to one of them changes the
 * worker's bytes: the browser installs the new worker, which fetches the new files and drops the
 * old cache. Made once per instance, from the same cache the files are served from.
 */
export async function serviceWorkerScript(): Promise<Content> {
  const hashes = await Promise.all([
    cached('page:scan', () => pageHtml('scan')).then((made) => made.hash),
    ...scanPrecache.map((path) => cached(path, () => readWebFile(path)).then((made) => made.hash)),
  ]);
  const version = createHash('sha256').update(hashes.join(',')).digest('base64url').slice(0, 16);
  const precache = { version, urls: ['/scan', ...scanPrecache.map(urlOf)] };
  const worker = new TextDecoder().decode((await readWebFile('scan/service-worker.js')).body);
  const script = `const SCAN_PRECACHE = ${JSON.stringify(precache)};\n${worker}`;
  return { body: new TextEncoder().encode(script), contentType: 'text/javascript; charset=utf-8' };
}
