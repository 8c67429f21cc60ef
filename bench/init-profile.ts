import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { median, round } from './lib/stats.js';

/**
 * Where a cold start's time goes: `node --cpu-prof` of `await import(bundle)` in fresh processes,
 * the API's bundle and the baseline's alike, each sample's self time put in one category. Frames
 * of the bundle are mapped back through its source maps to the library or project file they
 * came from, so "zod" means time spent inside zod's own functions (building schemas, mostly).
 */
export interface InitProfile {
  runs: number;
  /** Median milliseconds per category, API and baseline. */
  rows: Array<{ category: string; apiMs: number; baselineMs: number }>;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

const categories = [
  'zod (schema construction and parsing)',
  'hono',
  'other bundled libraries',
  'project code (functions, module top level)',
  'compiling ES modules (V8)',
  'loading CommonJS modules (the AWS SDK, external)',
  'AWS SDK code',
  'ES module loader',
  'garbage collection',
  'other Node.js internals',
  'waiting (idle)',
] as const;
type Category = (typeof categories)[number];

class FrameCategories {
  private readonly maps = new Map<string, SourceMapConsumer>();

  of(frame: CpuProfile['nodes'][number]['callFrame']): Category {
    const { url, functionName } = frame;
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'waiting (idle)';
    if (functionName === 'compileSourceTextModule') return 'compiling ES modules (V8)';
    if (url.startsWith('node:internal/modules/cjs') || url.includes('cjs-module-lexer'))
      return 'loading CommonJS modules (the AWS SDK, external)';
    if (url.startsWith('node:internal/modules/esm')) return 'ES module loader';
    if (url.includes('node_modules/@aws-sdk') || url.includes('node_modules/@smithy')) return 'AWS SDK code';
    if (url.startsWith('file://') && url.endsWith('.mjs')) return this.bundled(frame);
    return 'other Node.js internals';
  }

  private bundled(frame: CpuProfile['nodes'][number]['callFrame']): Category {
    const file = new URL(frame.url).pathname;
    let map = this.maps.get(file);
    if (map === undefined) {
      map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      this.maps.set(file, map);
    }
    const source =
      map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source ?? '';
    if (source.includes('node_modules/zod/')) return 'zod (schema construction and parsing)';
    if (source.includes('node_modules/hono/') || source.includes('node_modules/@hono/')) return 'hono';
    if (source.includes('node_modules/')) return 'other bundled libraries';
    // Module top-level code has no function of its own in a bundle: it maps to no source.
    return 'project code (functions, module top level)';
  }
}

function profileOnce(bundle: string, env: Record<string, string>, dir: string): CpuProfile {
  const script = `await import(${JSON.stringify(pathToFileURL(bundle).href)});`;
  execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', '--input-type=module', '-e', script],
    { env: { ...process.env, ...env }, stdio: 'ignore' },
  );
  const [file] = readdirSync(dir);
  if (file === undefined) throw new Error('node --cpu-prof wrote no profile');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  rmSync(join(dir, file));
  return profile;
}

function totals(profile: CpuProfile, frames: FrameCategories): Map<Category, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byCategory = new Map<Category, number>();
  profile.samples.forEach((sample, i) => {
    const node = nodes.get(sample);
    if (node === undefined) return;
    const category = frames.of(node.callFrame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return byCategory;
}

export function profileInit(
  api: string,
  baseline: string,
  env: Record<string, string>,
  runs = 5,
): InitProfile {
  const dir = mkdtempSync(join(tmpdir(), 'supplyline-init-profile-'));
  const frames = new FrameCategories();
  const per = { api: [] as Array<Map<Category, number>>, baseline: [] as Array<Map<Category, number>> };
  try {
    for (let i = 0; i < runs; i++) {
      per.api.push(totals(profileOnce(api, env, dir), frames));
      per.baseline.push(totals(profileOnce(baseline, env, dir), frames));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (maps: Array<Map<Category, number>>, category: Category) =>
    round(median(maps.map((m) => m.get(category) ?? 0)), 1);
  return {
    runs,
    rows: categories.map((category) => ({
      category,
      apiMs: med(per.api, category),
      baselineMs: med(per.baseline, category),
    })),
  };
}

export function renderInitProfile(profile: InitProfile): string[] {
  const sorted = [...profile.rows].sort((a, b) => b.apiMs - b.baselineMs - (a.apiMs - a.baselineMs));
  return [
    `Where init time goes: \`node --cpu-prof\` (100 µs sampling) of the same import, ${profile.runs} fresh processes each, self time per category, median per category (so the rows do not add up to the medians above, and profiling slows everything down). Bundle frames are mapped through the source maps to the library or file they come from.`,
    '',
    '| category | API | baseline | difference |',
    '|---|---|---|---|',
    ...sorted.map(
      (row) =>
        `| ${row.category} | ${row.apiMs} ms | ${row.baselineMs} ms | ${round(row.apiMs - row.baselineMs, 1)} ms |`,
    ),
  ];
}
