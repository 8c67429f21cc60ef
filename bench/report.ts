import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { CapacityRow } from './capacity-units.js';
import type { ColdStartResult } from './cold-start.js';
import type { LatencyResult } from './redemption-latency.js';
import type { ThroughputResult } from './redemption-throughput.js';
import type { OverviewRow } from './stock-overview.js';

export interface BenchResults {
  latency: LatencyResult;
  throughput: ThroughputResult;
  coldStart: ColdStartResult;
  capacity: CapacityRow[];
  overview: OverviewRow[];
  durationSeconds: number;
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'shared', 'functions', 'bench', 'scripts'],
      { encoding: 'utf8' },
    ).trim();
    return dirty === '' ? sha : `${sha} (with uncommitted changes)`;
  } catch {
    return 'unknown';
  }
}

/** The results as Markdown: every figure from this one run, each target with its verdict. */
export function renderReport(r: BenchResults): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [
    '# Supplyline benchmark results',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
    `- commit: ${commit()}`,
    '- database: DynamoDB Local (in memory) started by the benchmark; API served by the local Node entry on loopback',
    `- whole run: ${r.durationSeconds.toFixed(0)} s`,
    '',
    '## Summary',
    '',
    '| measure | Supplyline | baseline | ratio | target | verdict |',
    '|---|---|---|---|---|---|',
    `| (a) redemption latency p50 | ${r.latency.api.p50} ms | ${r.latency.raw.p50} ms | ${r.latency.p50Ratio}x | <= 1.2x | ${verdict(r.latency.p50Ratio <= 1.2)} |`,
    `| (a) redemption latency p99 | ${r.latency.api.p99} ms | ${r.latency.raw.p99} ms | ${r.latency.p99Ratio}x | <= 1.5x | ${verdict(r.latency.p99Ratio <= 1.5)} |`,
    `| (b) throughput, ${r.throughput.clients} clients | ${r.throughput.apiPerSecond}/s | ${r.throughput.rawPerSecond}/s | ${r.throughput.ratio}x | >= 0.8x | ${verdict(r.throughput.ratio >= 0.8)} |`,
    `| (b) lost / double redemptions | ${r.throughput.lost} / ${r.throughput.doubled} | | | 0 / 0 | ${verdict(r.throughput.lost === 0 && r.throughput.doubled === 0)} |`,
    `| (c) API bundle (minified, no AWS SDK) | ${kib(r.coldStart.apiBundleBytes)} | ${kib(r.coldStart.baselineBundleBytes)} | | <= 400 KB | ${verdict(r.coldStart.apiBundleBytes <= 400 * 1000)} |`,
    `| (c) module init, median of ${r.coldStart.runs} | ${r.coldStart.apiInitMs} ms | ${r.coldStart.baselineInitMs} ms | ${r.coldStart.ratio}x | <= 1.3x | ${verdict(r.coldStart.ratio <= 1.3)} |`,
    ...r.capacity
      .filter((c) => c.operation.startsWith('redeem'))
      .map(
        (c) =>
          `| (d) WCU, ${c.operation} (computed) | ${c.computedWcu} | ${c.minimumWcu} (design minimum) | ${(c.computedWcu / c.minimumWcu).toFixed(2)}x | <= 12 WCU | ${verdict(c.computedWcu <= 12)} |`,
      ),
    `| (e) requests per page, 10 -> 1,000 shelters | ${r.overview.map((o) => o.requestsPerPage).join(' -> ')} | | | flat | ${verdict(new Set(r.overview.map((o) => Math.round(o.requestsPerPage))).size === 1)} |`,
    '',
    '## (a) Redemption latency, one at a time',
    '',
    `${r.latency.samples} redemptions each way, alternating blocks of 25 after 20 warm-up each. Supplyline: POST /v1/redemptions over HTTP on loopback with an Idempotency-Key (auth from the key cache, pickup point and voucher reads, idempotency claim, one transaction). Baseline: the fewest DynamoDB calls a redemption needs, with the SDK straight to the same DynamoDB Local (GetItem of the voucher, then one TransactWriteItems: voucher, 3 balances, ledger entry).`,
    '',
    '| | p50 | p99 |',
    '|---|---|---|',
    `| API over HTTP | ${r.latency.api.p50} ms | ${r.latency.api.p99} ms |`,
    `| raw SDK minimum | ${r.latency.raw.p50} ms | ${r.latency.raw.p99} ms |`,
    `| ratio | ${r.latency.p50Ratio}x | ${r.latency.p99Ratio}x |`,
    '',
    '## (b) Redemption throughput',
    '',
    `${r.throughput.redemptions} different 3-line vouchers at one shelter (every transaction touches the same three balances), ${r.throughput.clients} concurrent clients each side. Afterwards every voucher was checked in the table: exactly one distribution entry each, and stock down by exactly what was handed over.`,
    '',
    `| | redemptions/s | lost | double |`,
    '|---|---|---|---|',
    `| API over HTTP | ${r.throughput.apiPerSecond} | ${r.throughput.lost} | ${r.throughput.doubled} |`,
    `| raw transaction | ${r.throughput.rawPerSecond} | | |`,
    '',
    '## (c) Bundle and cold start',
    '',
    'Both bundles built by scripts/build-function.ts (the deployed build: esbuild, ESM, minified, AWS SDK external, zod trimmed of locales). Init = `await import(bundle)` in a fresh Node process, median. Baseline: bench/baseline/hello-handler.ts, a hello-world Hono Lambda handler that creates a DynamoDB DocumentClient.',
    '',
    '| | bundle | init (median) |',
    '|---|---|---|',
    `| API (functions/api.ts) | ${kib(r.coldStart.apiBundleBytes)} | ${r.coldStart.apiInitMs} ms |`,
    `| baseline | ${kib(r.coldStart.baselineBundleBytes)} | ${r.coldStart.baselineInitMs} ms |`,
    '',
    '## (d) Capacity units per operation',
    '',
    "Computed from the item sizes actually read and written, by DynamoDB's documented rules (1 KB per write unit, 4 KB per read unit, eventually consistent reads half, transactions double, one write per GSI entry written or removed, index entries = item + 100 bytes). Reported = what DynamoDB Local returned with ReturnConsumedCapacity (it looked inflated in a spot check: shown for comparison only).",
    '',
    '| operation | requests | calls | WCU computed | RCU computed | WCU reported | RCU reported | design minimum WCU / RCU | minimum is |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.capacity.map(
      (c) =>
        `| ${c.operation} | ${c.requests} | ${c.calls} | ${c.computedWcu} | ${c.computedRcu} | ${c.reportedWcu} | ${c.reportedRcu} | ${c.minimumWcu} / ${c.minimumRcu} | ${c.minimumNote} |`,
    ),
    '',
    '## (e) Stock overview as shelters grow (20 items each)',
    '',
    'Every page of GET /v1/stock?limit=200 over HTTP, after one warm-up pass.',
    '',
    '| shelters | balances | pages | DynamoDB requests | requests per page | latency, all pages |',
    '|---|---|---|---|---|---|',
    ...r.overview.map(
      (o) =>
        `| ${o.shelters} | ${o.rows} | ${o.pages} | ${o.requests} | ${o.requestsPerPage} | ${o.latencyMs} ms |`,
    ),
    '',
  ];
  return lines.join('\n');
}
