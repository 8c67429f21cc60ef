import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The files of the /scan and /dashboard pages: hand-written HTML, CSS and JS modules (no build
 * step, so the Lambda bundle serves the very files we test) plus jsQR, the QR decoder.
 *
 * Where they are read from, first match wins:
 * 1. `WEB_ASSET_DIR`: one flat folder holding every file below (a deployment copies them there);
 * 2. a `web-assets/` folder beside this module (the same, by convention, beside a bundle);
 * 3. the repository: `shared/web/` for ours, the installed `jsqr` package for jsQR.js.
 *
 * Each file is read once and compressed once per encoding, then kept in memory.
 */
const contentTypes = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
} as const;

export const webAssetNames = [
  'scan.html',
  'dashboard.html',
  'app.css',
  'scan.css',
  'dashboard.css',
  'i18n.js',
  'api.js',
  'camera.js',
  'redeem.js',
  'outcome.js',
  'scan.js',
  'voucher-screen.js',
  'dashboard.js',
  'stock-table.js',
  'stock-chart.js',
  'jsQR.js',
] as const;

export type WebAssetName = (typeof webAssetNames)[number];
export type Encoding = 'br' | 'gzip' | 'identity';

export interface EncodedAsset {
  body: Uint8Array;
  contentType: string;
  encoding: Encoding;
  /** Strong ETag of this representation: the content hash plus the encoding. */
  etag: string;
}

const names = new Set<string>(webAssetNames);

export function isWebAsset(name: string): name is WebAssetName {
  return names.has(name);
}

const here = dirname(fileURLToPath(import.meta.url));

function sourcePath(name: WebAssetName): string {
  const configured = process.env.WEB_ASSET_DIR;
  if (configured !== undefined && configured !== '') return join(configured, name);
  const besideModule = join(here, 'web-assets');
  if (existsSync(besideModule)) return join(besideModule, name);
  if (name === 'jsQR.js') return createRequire(import.meta.url).resolve('jsqr');
  return join(here, '..', '..', 'web', name);
}

const compressors: Record<Exclude<Encoding, 'identity'>, (raw: Uint8Array) => Promise<Uint8Array>> = {
  // Quality 10: jsQR in ~70 ms, once per instance, to 35 KB (gzip: 57 KB). 11 saves 2 KB for 3x the time.
  br: (raw) => promisify(brotliCompress)(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }),
  gzip: (raw) => promisify(gzip)(raw, { level: 9 }),
};

const raws = new Map<WebAssetName, Promise<{ body: Uint8Array; hash: string }>>();
const encoded = new Map<string, Promise<EncodedAsset>>();

/** A failed read is not cached: the next request tries again. */
function remember<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

function loadRaw(name: WebAssetName) {
  return remember(raws, name, async () => {
    const body = new Uint8Array(await readFile(sourcePath(name)));
    return { body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 22) };
  });
}

export function loadWebAsset(name: WebAssetName, encoding: Encoding): Promise<EncodedAsset> {
  return remember(encoded, `${name}:${encoding}`, async () => {
    const raw = await loadRaw(name);
    const extension = name.slice(name.lastIndexOf('.') + 1) as keyof typeof contentTypes;
    return {
      body: encoding === 'identity' ? raw.body : await compressors[encoding](raw.body),
      contentType: contentTypes[extension],
      encoding,
      etag: `"${raw.hash}-${encoding}"`,
    };
  });
}

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([token]) => token?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}
