import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Swagger UI's files, served by the app itself so that /docs works offline and sends no request
 * off the machine. They are read from the `swagger-ui-dist` package (or from DOCS_ASSET_DIR where
 * a deployment copies them beside the bundle) once, then kept in memory.
 */
export const docsAssets = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;

export type DocsAssetName = keyof typeof docsAssets;

export function isDocsAsset(name: string): name is DocsAssetName {
  return Object.hasOwn(docsAssets, name);
}

/** Beside a deployed bundle (infra copies them there), else the installed package. */
function assetDirectory(): string {
  const configured = process.env.DOCS_ASSET_DIR;
  if (configured !== undefined && configured !== '') return configured;
  const besideBundle = join(dirname(fileURLToPath(import.meta.url)), 'docs-assets');
  if (existsSync(besideBundle)) return besideBundle;
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

const cache = new Map<DocsAssetName, Promise<Uint8Array>>();

export function loadDocsAsset(name: DocsAssetName): Promise<Uint8Array> {
  let pending = cache.get(name);
  if (pending === undefined) {
    pending = readFile(join(assetDirectory(), name)).then((buffer) => new Uint8Array(buffer));
    // A failed read is not cached: the next request tries again.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
