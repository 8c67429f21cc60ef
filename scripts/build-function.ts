// Bundles one Lambda entry the way it is deployed: `tsx scripts/build-function.ts <entry> <outdir>`.
// CDK runs this at synth (Code.fromCustomCommand); the benchmarks run it too, so what is measured
// is what ships.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { CHUNK_FOLDER } from '../shared/config/bundle-folder.js';
import { BUNDLED_DOCUMENT } from '../shared/http/openapi-document.js';
import { BUNDLED_FOLDER, sourceOf, webFiles } from '../web/serve/web-files.js';
import { leanOpenApi } from './lib/lean-openapi.js';
import { leanSources } from './lib/lean-sources.js';
import { zodEnglishOnly } from './lib/zod-english-only.js';
import { zodStringFormats } from './lib/zod-string-formats.js';

const root = resolve(new URL('..', import.meta.url).pathname);

/** Files the API serves from beside its bundle: every file of web/ the browser is sent, vendor files included. */
export const besideBundle: Record<string, Array<{ from: string; to: string }>> = {
  'functions/api.ts': webFiles.map((path) => ({ from: sourceOf(path), to: join(BUNDLED_FOLDER, path) })),
};

/**
 * Entries that serve the OpenAPI document: it is generated here, from the routes being bundled,
 * and written beside the bundle as the app serves it (compact JSON), so no cold start builds it.
 */
const servesDocument = new Set(['functions/api.ts']);

async function writeDocument(outdir: string): Promise<void> {
  const { apiDocument } = await import('./lib/api-document.js');
  writeFileSync(join(outdir, BUNDLED_DOCUMENT), JSON.stringify(await apiDocument()));
}

export const lambdaBuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: true,
  // The Lambda Node.js 22 runtime ships the AWS SDK v3: not bundling it keeps the bundle small.
  external: ['@aws-sdk/*'],
  mainFields: ['module', 'main'],
  legalComments: 'none',
  // CommonJS dependencies (qrcode) call require(); an ESM bundle needs one made for it.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Order matters: zodStringFormats looks at our sources before leanSources rewrites them.
  plugins: [zodEnglishOnly, zodStringFormats, leanOpenApi, leanSources],
  logLevel: 'warning',
};

export async function buildFunction(
  entry: string,
  outdir: string,
  options: Partial<BuildOptions> = {},
): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  // Split so that dynamic imports (the QR encoder) become chunks loaded on first use.
  await build({
    ...lambdaBuildOptions,
    ...options,
    entryPoints: { index: join(root, entry) },
    outdir,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: `${CHUNK_FOLDER}/[name]-[hash]`,
  });
  const outfile = join(outdir, 'index.mjs');
  for (const { from, to } of besideBundle[entry] ?? []) {
    mkdirSync(join(outdir, to, '..'), { recursive: true });
    cpSync(resolve(root, from), join(outdir, to));
  }
  if (servesDocument.has(entry)) await writeDocument(outdir);
  return outfile;
}

if (
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
) {
  const [entry, outdir] = process.argv.slice(2);
  if (entry === undefined || outdir === undefined) {
    process.stderr.write('usage: tsx scripts/build-function.ts <entry> <outdir>\n');
    process.exit(2);
  }
  await buildFunction(entry, resolve(outdir));
}
