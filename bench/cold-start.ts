import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFunction } from '../scripts/build-function.js';
import { CHUNK_FOLDER } from '../shared/config/bundle-folder.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import { lazyRouteGroups } from '../shared/http/route-groups.js';
import { httpApiV2Event, lambdaContext } from '../test/support/lambda-events.js';
import { type InitProfile, profileInit, renderInitProfile } from './init-profile.js';
import { median, ratio, round } from './lib/stats.js';

export interface ColdStartResult {
  apiBundleBytes: number;
  baselineBundleBytes: number;
  /** Every chunk the build wrote, the groups loaded on first use included. */
  apiAllChunksBytes: number;
  apiInitMs: number;
  baselineInitMs: number;
  ratio: number;
  runs: number;
  /** First request after init, median: a hot route, and the first under each lazy group. */
  firstRequests: Array<{ path: string; group: string; ms: number }>;
  profile: InitProfile;
}

const root = new URL('..', import.meta.url).pathname;

/**
 * Bytes a cold start loads: the bundle and every chunk it imports statically, transitively
 * (code shared with a lazily loaded chunk is split out but still loaded at start). Chunks behind
 * `import()` (the QR encoder, the slip renderer) load only on first use and are not counted.
 */
export function bytesLoadedAtStart(bundle: string, seen = new Set<string>()): number {
  if (seen.has(bundle)) return 0;
  seen.add(bundle);
  const code = readFileSync(bundle, 'utf8');
  const staticChunks = [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)[^;"'()]*?from\s*"(\.{1,2}\/[^"]+)"/g),
  ];
  return (
    statSync(bundle).size +
    staticChunks.reduce(
      (sum, [, path]) => sum + bytesLoadedAtStart(join(dirname(bundle), path ?? ''), seen),
      0,
    )
  );
}

/** Time to import a bundle in a fresh Node process: module parse, evaluation and app start-up. */
function importTime(bundle: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return Number(out);
}

/** Bytes of every JavaScript file the build wrote: the entry and all its chunks. */
function allChunkBytes(bundle: string): number {
  const folder = join(dirname(bundle), CHUNK_FOLDER);
  const chunks = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mjs')) : [];
  return statSync(bundle).size + chunks.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

/** The requests timed after init, each answered 401 (no key): no database is needed. */
const firstRequestPaths = [
  { path: '/v1/redemptions', method: 'POST', group: 'hot routes' },
  ...lazyRouteGroups.map((group) => ({ path: group.prefixes[0] ?? '', method: 'GET', group: group.name })),
];

/** In a fresh process: init, then each request once, first-use loading included. */
function firstRequestTimes(bundle: string, env: Record<string, string>): number[] {
  const events = firstRequestPaths.map(({ path, method }) => httpApiV2Event({ method, path }));
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const times = [];
for (const event of ${JSON.stringify(events)}) {
  const t = performance.now();
  const answer = await handler(event, ${JSON.stringify(lambdaContext)});
  if (answer.statusCode !== 401) throw new Error(event.rawPath + ' answered ' + answer.statusCode);
  times.push(performance.now() - t);
}
process.stdout.write(JSON.stringify(times));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as number[];
}

/**
 * (c) The API bundle as deployed (scripts/build-function.ts) against a hello-world Hono handler
 * that creates a DocumentClient, built the same way. Bundles sit inside the project so their
 * external AWS SDK imports resolve from node_modules, as they do from the Lambda runtime.
 */
export async function measureColdStart(runs = 9): Promise<ColdStartResult> {
  const outdir = join(root, '.build', 'bench');
  const api = await buildFunction('functions/api.ts', join(outdir, 'api'));
  const baseline = await buildFunction('bench/baseline/hello-handler.ts', join(outdir, 'baseline'));
  const env = {
    TABLE_NAME: 'bench',
    LOG_LEVEL: 'silent',
    SECRETS_JSON: JSON.stringify(generateAppSecrets()),
    AWS_REGION: 'ap-southeast-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const apiTimes: number[] = [];
  const baselineTimes: number[] = [];
  importTime(api, env);
  importTime(baseline, env);
  for (let i = 0; i < runs; i++) {
    apiTimes.push(importTime(api, env));
    baselineTimes.push(importTime(baseline, env));
  }
  const apiInitMs = round(median(apiTimes), 1);
  const baselineInitMs = round(median(baselineTimes), 1);
  const requestRuns = Array.from({ length: 5 }, () => firstRequestTimes(api, env));
  return {
    apiBundleBytes: bytesLoadedAtStart(api),
    baselineBundleBytes: bytesLoadedAtStart(baseline),
    apiAllChunksBytes: allChunkBytes(api),
    apiInitMs,
    baselineInitMs,
    ratio: ratio(apiInitMs, baselineInitMs),
    runs,
    firstRequests: firstRequestPaths.map(({ path, group }, i) => ({
      path,
      group,
      ms: round(median(requestRuns.map((times) => times[i] ?? 0)), 1),
    })),
    profile: profileInit(api, baseline, env),
  };
}

// `npx tsx bench/cold-start.ts [runs]`: this measure alone, without the rest of `npm run bench`.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const result = await measureColdStart(Number(process.argv[2] ?? 9));
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  process.stdout.write(
    `API ${kib(result.apiBundleBytes)} (all chunks ${kib(result.apiAllChunksBytes)}), init ${result.apiInitMs} ms; baseline ${kib(result.baselineBundleBytes)}, ` +
      `init ${result.baselineInitMs} ms; ratio ${result.ratio}x (median of ${result.runs})\n` +
      `${result.firstRequests.map((r) => `first ${r.path} (${r.group}): ${r.ms} ms`).join('\n')}\n` +
      `${renderInitProfile(result.profile).join('\n')}\n`,
  );
}
