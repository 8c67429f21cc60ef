import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { buildFunction, lambdaBuildOptions } from '../scripts/build-function.js';
import { rewriteZodImports } from '../scripts/lib/zod-namespace.js';
import { CHUNK_FOLDER } from '../shared/config/bundle-folder.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import { lazyRouteGroups, type RouteGroup } from '../shared/http/route-groups.js';
import { httpApiV2Event, lambdaContext } from '../test/support/lambda-events.js';
import { type InitProfile, profileInit, renderInitProfile } from './init-profile.js';
import type { BenchEnvironment } from './lib/environment.js';
import { median, ratio, round } from './lib/stats.js';
import { issueVouchers } from './lib/vouchers.js';

export interface ColdStartResult {
  apiBundleBytes: number;
  /** The same entry built as before issue 25: every schema built at load, the documentation kept. */
  eagerBundleBytes: number;
  eagerInitMs: number;
  /** CPU time of the same imports, median: the API's, the one built as before, the baseline's. */
  initCpuMs: { api: number; eager: number; baseline: number; ratio: number };
  baselineBundleBytes: number;
  /** Every chunk the build wrote, the groups loaded on first use included. */
  apiAllChunksBytes: number;
  apiInitMs: number;
  baselineInitMs: number;
  ratio: number;
  runs: number;
  /** First request after init, median: a hot route, and the first under each lazy group. */
  firstRequests: Array<{ path: string; group: string; ms: number }>;
  /**
   * A fresh process's first redemption (a real one, against DynamoDB Local), median: with the
   * schemas built on first use, and as before (built at load). Absent without a database.
   */
  firstRedemption?: { lazyMs: number; eagerMs: number; lazyCpuMs: number; eagerCpuMs: number; runs: number };
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

/**
 * Time to import a bundle in a fresh Node process (module parse, evaluation and app start-up):
 * wall time, and the CPU time the process counted for it (process.cpuUsage, every thread), which
 * a busy machine stretches less than it stretches wall time.
 */
function importTime(bundle: string, env: Record<string, string>): { wallMs: number; cpuMs: number } {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); const wall = performance.now() - t; const used = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wallMs: wall, cpuMs: (used.user + used.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { wallMs: number; cpuMs: number };
}

/** Bytes of every JavaScript file the build wrote: the entry and all its chunks. */
function allChunkBytes(bundle: string): number {
  const folder = join(dirname(bundle), CHUNK_FOLDER);
  const chunks = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.mjs')) : [];
  return statSync(bundle).size + chunks.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

const documentPaths = Object.entries(
  (
    JSON.parse(readFileSync(new URL('../clients/openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    }
  ).paths,
);

/**
 * A route of the group, its first in the committed document (a GET if it has one), path
 * parameters filled: a prefix alone need not be a route (`/v1/count-sessions` is not), and a path
 * no route matches is answered 404 before any key is asked for.
 */
export function firstRouteOf(group: RouteGroup): { path: string; method: string } {
  const owns = (path: string) =>
    group.prefixes.some((prefix) => {
      const template = prefix.replace(/:(\w+)/g, '{$1}');
      return path === template || path.startsWith(`${template}/`);
    });
  const routes = documentPaths
    .filter(([path]) => owns(path))
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ path, method })));
  const route = routes.find((r) => r.method === 'get') ?? routes[0];
  if (route === undefined) throw new Error(`no route of the group ${group.name} in clients/openapi.json`);
  return { path: route.path.replace(/\{[^}]+\}/g, 'x1'), method: route.method.toUpperCase() };
}

/** The requests timed after init, each answered 401 (no key): no database is needed. */
export const firstRequestPaths = [
  { path: '/v1/redemptions', method: 'POST', group: 'hot routes' },
  ...lazyRouteGroups.map((group) => ({ ...firstRouteOf(group), group: group.name })),
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
 * The build as it was before issue 25, for comparison in the same run: our sources only have
 * their zod import rewritten (scripts/lib/zod-namespace.ts), so every schema is built at load
 * and the documentation stays in the bundle (scripts/lib/lean-sources.ts does neither).
 */
const schemasAtLoad: Plugin = {
  name: 'schemas-at-load',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
      return { contents: rewriteZodImports(await readFile(args.path, 'utf8')), loader: 'ts' };
    });
  },
};
const eagerPlugins = (lambdaBuildOptions.plugins ?? []).map((plugin) =>
  plugin.name === 'lean-sources' ? schemasAtLoad : plugin,
);

/**
 * In a fresh process: init, then one real redemption, timed from the event to the answer, in
 * wall time and in the CPU time the process counted (every thread) for it.
 */
function firstRedemptionTime(
  bundle: string,
  env: Record<string, string>,
  event: unknown,
): { wallMs: number; cpuMs: number } {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const c = process.cpuUsage();
const t = performance.now();
const answer = await handler(${JSON.stringify(event)}, ${JSON.stringify(lambdaContext)});
const wallMs = performance.now() - t;
const used = process.cpuUsage(c);
if (answer.statusCode !== 200) throw new Error('redemption answered ' + answer.statusCode + ' ' + answer.body);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { wallMs: number; cpuMs: number };
}

/** Median first redemption of fresh processes, each bundle in turn, against the bench's table. */
async function measureFirstRedemption(
  bench: BenchEnvironment,
  bundles: { lazy: string; eager: string },
  env: Record<string, string>,
  runs: number,
): Promise<NonNullable<ColdStartResult['firstRedemption']>> {
  const vouchers = await issueVouchers(bench.deps, bench.coordinator, 2 * runs);
  const withDatabase = {
    ...env,
    TABLE_NAME: bench.table.tableName,
    DYNAMODB_ENDPOINT: bench.db.endpoint,
    SECRETS_JSON: JSON.stringify(bench.secrets),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  const eventFor = (token: string) => {
    const body = JSON.stringify({ token, pickupPointId: 'pp-1' });
    return httpApiV2Event({
      method: 'POST',
      path: '/v1/redemptions',
      headers: {
        authorization: `Bearer ${bench.keys.volunteer}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'idempotency-key': crypto.randomUUID(),
      },
      body,
    });
  };
  const times = {
    lazy: [] as Array<{ wallMs: number; cpuMs: number }>,
    eager: [] as Array<{ wallMs: number; cpuMs: number }>,
  };
  for (let i = 0; i < runs; i++) {
    times.lazy.push(firstRedemptionTime(bundles.lazy, withDatabase, eventFor(vouchers[2 * i]?.token ?? '')));
    times.eager.push(
      firstRedemptionTime(bundles.eager, withDatabase, eventFor(vouchers[2 * i + 1]?.token ?? '')),
    );
  }
  const med = (side: 'lazy' | 'eager', of: 'wallMs' | 'cpuMs') =>
    round(median(times[side].map((t) => t[of])), 1);
  return {
    lazyMs: med('lazy', 'wallMs'),
    eagerMs: med('eager', 'wallMs'),
    lazyCpuMs: med('lazy', 'cpuMs'),
    eagerCpuMs: med('eager', 'cpuMs'),
    runs,
  };
}

/**
 * (c) The API bundle as deployed (scripts/build-function.ts) against a hello-world Hono handler
 * that creates a DocumentClient, built the same way, and against the API built as before issue
 * 25 (schemas at load). Bundles sit inside the project so their external AWS SDK imports resolve
 * from node_modules, as they do from the Lambda runtime. With the bench's database, a fresh
 * process's first real redemption is timed too.
 */
export async function measureColdStart(runs = 9, bench?: BenchEnvironment): Promise<ColdStartResult> {
  const outdir = join(root, '.build', 'bench');
  const api = await buildFunction('functions/api.ts', join(outdir, 'api'));
  const eager = await buildFunction('functions/api.ts', join(outdir, 'api-eager'), { plugins: eagerPlugins });
  const baseline = await buildFunction('bench/baseline/hello-handler.ts', join(outdir, 'baseline'));
  const env = {
    TABLE_NAME: 'bench',
    LOG_LEVEL: 'silent',
    SECRETS_JSON: JSON.stringify(generateAppSecrets()),
    AWS_REGION: 'ap-southeast-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  type Sample = ReturnType<typeof importTime>;
  const times = { api: [] as Sample[], eager: [] as Sample[], baseline: [] as Sample[] };
  importTime(api, env);
  importTime(eager, env);
  importTime(baseline, env);
  for (let i = 0; i < runs; i++) {
    times.api.push(importTime(api, env));
    times.eager.push(importTime(eager, env));
    times.baseline.push(importTime(baseline, env));
  }
  const wall = (side: keyof typeof times) => round(median(times[side].map((t) => t.wallMs)), 1);
  const cpu = (side: keyof typeof times) => round(median(times[side].map((t) => t.cpuMs)), 1);
  const apiInitMs = wall('api');
  const baselineInitMs = wall('baseline');
  const requestRuns = Array.from({ length: 5 }, () => firstRequestTimes(api, env));
  return {
    apiBundleBytes: bytesLoadedAtStart(api),
    eagerBundleBytes: bytesLoadedAtStart(eager),
    eagerInitMs: wall('eager'),
    initCpuMs: {
      api: cpu('api'),
      eager: cpu('eager'),
      baseline: cpu('baseline'),
      ratio: ratio(cpu('api'), cpu('baseline')),
    },
    ...(bench === undefined
      ? {}
      : { firstRedemption: await measureFirstRedemption(bench, { lazy: api, eager }, env, 15) }),
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
  // With `--redemption`, also a fresh process's first real redemption, on a DynamoDB Local of its own.
  const withDatabase = process.argv.includes('--redemption');
  const { startBenchEnvironment } = await import('./lib/environment.js');
  const bench = withDatabase ? await startBenchEnvironment() : undefined;
  const result = await measureColdStart(Number(process.argv[2] ?? 9), bench).finally(() => bench?.close());
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const first = result.firstRedemption;
  process.stdout.write(
    `API ${kib(result.apiBundleBytes)} (all chunks ${kib(result.apiAllChunksBytes)}), init ${result.apiInitMs} ms; baseline ${kib(result.baselineBundleBytes)}, ` +
      `init ${result.baselineInitMs} ms; ratio ${result.ratio}x (median of ${result.runs})\n` +
      `as before (schemas at load): ${kib(result.eagerBundleBytes)}, init ${result.eagerInitMs} ms\n` +
      `init CPU: API ${result.initCpuMs.api} ms, as before ${result.initCpuMs.eager} ms, baseline ${result.initCpuMs.baseline} ms; ratio ${result.initCpuMs.ratio}x\n` +
      (first === undefined
        ? ''
        : `first redemption: ${first.lazyMs} ms (schemas on first use) vs ${first.eagerMs} ms (at load), CPU ${first.lazyCpuMs} vs ${first.eagerCpuMs} ms, median of ${first.runs}\n`) +
      `${result.firstRequests.map((r) => `first ${r.path} (${r.group}): ${r.ms} ms`).join('\n')}\n` +
      `${renderInitProfile(result.profile).join('\n')}\n`,
  );
}
