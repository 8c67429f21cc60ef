import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchEnvironment } from './lib/environment.js';
import { cpuMs, type ServerProcess } from './lib/server-process.js';
import { round, runConcurrently } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

/**
 * Where a redemption's milliseconds go under load: V8's sampling profiler in the API's process
 * and in the bare HTTP handler's, over the same load (16 clients, different vouchers at one
 * shelter), start-up and warm-up left out. Each sample's time goes to the code that owns it:
 * its own frame when that is JavaScript of a library or of ours, otherwise (Node.js internals:
 * sockets, streams, the HTTP parser, crypto, JSON) the nearest caller that is. What no
 * JavaScript above owns is the event loop's own work (reading and writing sockets, parsing HTTP).
 */
export interface HotPathProfile {
  redemptions: number;
  clients: number;
  intervalUs: number;
  /** Milliseconds of CPU per redemption, by category; the API's and the bare handler's. */
  rows: Array<{ category: string; apiMs: number; bareMs: number }>;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

export const hotPathCategories = [
  'zod (request validation, record parsing)',
  'Hono and its Node.js adapter (routing, Request/Response objects)',
  'our HTTP middleware (auth, idempotency, JSON checks, access log, metrics)',
  'our use case, domain and stores',
  'token signature and key checks (node:crypto)',
  'AWS SDK (build, sign, send and parse the DynamoDB calls)',
  'the bare handler’s own code',
  'other libraries',
  'socket writes (system calls)',
  'Node.js: sockets, HTTP parsing, event loop (no JavaScript caller)',
  'garbage collection',
] as const;
type Category = (typeof hotPathCategories)[number] | 'profiler';

/** Native frames that write to a socket: the same count of them on both sides (one answer, two DynamoDB calls). */
const socketWrites = new Set([
  'writev',
  'writeUtf8String',
  'writeBuffer',
  'writeLatin1String',
  'writeAsciiString',
]);

/** The library or layer a JavaScript frame belongs to; undefined for Node.js's own code. */
function owner(url: string, functionName: string): Category | undefined {
  if (url.includes('/node_modules/zod/')) return 'zod (request validation, record parsing)';
  if (url.includes('/node_modules/hono/') || url.includes('/node_modules/@hono/'))
    return 'Hono and its Node.js adapter (routing, Request/Response objects)';
  if (/\/node_modules\/(@aws-sdk|@smithy|@aws-crypto|@aws\/)/.test(url))
    return 'AWS SDK (build, sign, send and parse the DynamoDB calls)';
  if (url.includes('/node_modules/')) return 'other libraries';
  // The profiler's own stop, answered over IPC at the end: not the server's work.
  if (url.includes('/bench/lib/server-process')) return 'profiler';
  if (url.includes('/bench/baseline/') || url.includes('/bench/lib/raw-redemption'))
    return 'the bare handler’s own code';
  if (/\/shared\/(domain\/voucher-token|auth\/api-key-secret)\.ts/.test(url))
    return 'token signature and key checks (node:crypto)';
  if (url.includes('/shared/http/'))
    return 'our HTTP middleware (auth, idempotency, JSON checks, access log, metrics)';
  if (url.includes('/shared/')) return 'our use case, domain and stores';
  if (url.startsWith('file://')) return 'other libraries';
  if (functionName === '(garbage collector)') return 'garbage collection';
  return undefined;
}

/** Samples per category over the profile; idle and the profiler's own samples left out. */
function categorise(profile: CpuProfile): Map<Category, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const categoryOf = new Map<number, Category | null>();
  const resolve = (id: number): Category | null => {
    const known = categoryOf.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const name = node?.callFrame.functionName ?? '';
    let category: Category | null;
    if (node === undefined || name === '(idle)' || name === '(program)' || name === '(root)') category = null;
    else if (socketWrites.has(name)) category = 'socket writes (system calls)';
    else {
      const own = owner(node.callFrame.url, name);
      const parent = parents.get(id);
      category =
        own ??
        (parent === undefined || nodes.get(parent)?.callFrame.functionName === '(root)'
          ? 'Node.js: sockets, HTTP parsing, event loop (no JavaScript caller)'
          : resolve(parent));
    }
    categoryOf.set(id, category);
    return category;
  };
  // Samples are counted, not weighed by the time since the one before: on a busy machine that
  // time includes stretches when the process (and the profiler's thread) waited for a core, and
  // one late sample would carry them all to whatever code it happened to land in.
  const totals = new Map<Category, number>();
  for (const sample of profile.samples) {
    const category = resolve(sample);
    if (category !== null && category !== 'profiler') totals.set(category, (totals.get(category) ?? 0) + 1);
  }
  return totals;
}

/** Each category's share of the samples times the CPU time the process counted (process.cpuUsage). */
function scaledTo(cpuMs: number, sampled: Map<Category, number>): Map<Category, number> {
  const total = [...sampled.values()].reduce((sum, ms) => sum + ms, 0);
  return new Map([...sampled].map(([category, ms]) => [category, total === 0 ? 0 : (ms / total) * cpuMs]));
}

async function profileUnderLoad(
  server: ServerProcess,
  env: BenchEnvironment,
  tokens: string[],
  clients: number,
  intervalUs: number,
  file: string,
): Promise<Map<Category, number>> {
  await server.startProfile(intervalUs);
  const before = cpuMs(await server.cpu());
  await runConcurrently(tokens, clients, async (token) => {
    const status = await apiRedemption(server.url, env.keys.volunteer, token, 'pp-2');
    if (status !== 200) throw new Error(`${server.url} answered a redemption with ${status}`);
  });
  const used = cpuMs(await server.cpu()) - before;
  await server.stopProfile(file);
  return scaledTo(used, categorise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
}

export async function measureHotPathProfile(
  env: BenchEnvironment,
  redemptions = 400,
  clients = 16,
  intervalUs = 100,
): Promise<HotPathProfile> {
  // BENCH_PROFILE_DIR keeps the two .cpuprofile files there (Chrome DevTools opens them).
  const kept = process.env.BENCH_PROFILE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'supplyline-hot-path-'));
  mkdirSync(dir, { recursive: true });
  try {
    const warmUp = 40;
    const api = (await issueVouchers(env.deps, env.coordinator, redemptions + warmUp)).map((v) => v.token);
    const bare = (await issueVouchers(env.deps, env.coordinator, redemptions + warmUp)).map((v) => v.token);
    await runConcurrently(api.splice(0, warmUp), clients, async (token) => {
      await apiRedemption(env.api.url, env.keys.volunteer, token, 'pp-2');
    });
    await runConcurrently(bare.splice(0, warmUp), clients, async (token) => {
      await apiRedemption(env.bare.url, env.keys.volunteer, token, 'pp-2');
    });
    const apiMs = await profileUnderLoad(env.api, env, api, clients, intervalUs, join(dir, 'api.cpuprofile'));
    const bareMs = await profileUnderLoad(
      env.bare,
      env,
      bare,
      clients,
      intervalUs,
      join(dir, 'bare.cpuprofile'),
    );
    const per = (ms: number | undefined) => round((ms ?? 0) / redemptions, 3);
    return {
      redemptions,
      clients,
      intervalUs,
      rows: hotPathCategories.map((category) => ({
        category,
        apiMs: per(apiMs.get(category)),
        bareMs: per(bareMs.get(category)),
      })),
    };
  } finally {
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

export function renderHotPathProfile(profile: HotPathProfile): string[] {
  const sorted = [...profile.rows].sort((a, b) => b.apiMs - b.bareMs - (a.apiMs - a.bareMs));
  const total = (side: 'apiMs' | 'bareMs') =>
    round(
      profile.rows.reduce((sum, row) => sum + row[side], 0),
      3,
    );
  return [
    `Where a redemption's CPU goes under load: V8's sampling profiler (every ${profile.intervalUs} µs) in the API's process and in the bare handler's, each over ${profile.redemptions} redemptions from ${profile.clients} clients after a warm-up (start-up left out), CPU per redemption by category: each category's share of the samples (counted, not weighed by the wall time since the sample before, which on a busy machine includes waits for a core) times the CPU time the process counted (process.cpuUsage) over the same stretch, so that the rows add up to it. A sample belongs to the JavaScript that owns it: its own frame for code of a library or of ours, else (Node.js internals: sockets, streams, crypto, JSON) its nearest JavaScript caller; time no JavaScript owns is the event loop's own (reading and writing sockets, parsing HTTP). Idle time is left out; the profiler slows both sides alike.`,
    '',
    '| category | API | bare handler | difference |',
    '|---|---|---|---|',
    ...sorted.map(
      (row) =>
        `| ${row.category} | ${row.apiMs} ms | ${row.bareMs} ms | ${round(row.apiMs - row.bareMs, 3)} ms |`,
    ),
    `| **all CPU** | **${total('apiMs')} ms** | **${total('bareMs')} ms** | **${round(total('apiMs') - total('bareMs'), 3)} ms** |`,
  ];
}
