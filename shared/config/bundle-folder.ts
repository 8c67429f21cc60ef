import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder files beside the bundle are found in, from any module's `import.meta.url`. In the
 * deployed bundle a module may sit in the entry (`index.mjs`) or in a chunk that
 * scripts/build-function.ts writes to `chunks/` below it (code shared with routes loaded on
 * first use, issue 14); both must find the same `openapi.json` and `web-assets/`. Run from the
 * repository, it is the module's own folder.
 */
export const CHUNK_FOLDER = 'chunks';

export function bundleFolderOf(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return basename(here) === CHUNK_FOLDER ? dirname(here) : here;
}
