import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { CapacityRow } from './capacity-units.js';
import type { ColdStartResult } from './cold-start.js';
import type { LatencyResult } from './redemption-latency.js';
import type { ThroughputResult } from './redemption-throughput.js';
import type { RoundHouseholdsResult } from './round-households.js';
import type { OverviewRow } from './stock-overview.js';
import type { WebhookLatencyResult } from './webhook-latency.js';

export interface BenchResults {
  latency: LatencyResult;
  throughput: ThroughputResult;
  coldStart: ColdStartResult;
  capacity: CapacityRow[];
  overview: OverviewRow[];
  webhooks: WebhookLatencyResult;
  /** (g); absent from runs made before rounds existed. */
  rounds?: RoundHouseholdsResult;
  durationSeconds: number;
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'shared', 'functions', 'bench', 'scripts', ':!bench/results.md'],
      { encoding: 'utf8' },
    ).trim();
    return dirty === '' ? sha : `${sha} (with uncommitted changes)`;
  } catch {
    return 'unknown';
  }
}

/**
 * The analysis behind each missed target. The reasons were established by profiling during the
 * work (call timings per redemption, a CPU profile of the bundle import, a zod-only bundle); the
 * figures quoted are this run's.
 */
function missedTargets(r: BenchResults): string[] {
  const out: string[] = [];
  const redeem = r.capacity.find((c) => c.operation.startsWith('redeem'));
  if (r.latency.p50Ratio > 1.2 || r.latency.p99Ratio > 1.5) {
    out.push(
      `- (a) latency ${r.latency.p50Ratio}x / ${r.latency.p99Ratio}x. A redemption makes ${redeem?.requests ?? 3} DynamoDB calls where the baseline makes 2: the Idempotency-Key claim (a conditional PutItem that must finish before the transaction, so that a retry in flight gets 409 and never a second hand-over), the voucher read (the pickup point read runs beside it, or comes from the per-process cache), and a transaction that also carries the idempotency record (the beneficiary record's retention TTL has left it: the event dispatcher sets it after the commit). On DynamoDB Local each call costs about 1 ms and each extra transaction item about 0.4-0.5 ms (figures from the profiling of 2026-11-27, not re-measured in this run); HTTP parsing, auth and zod validation add about 1.5 ms. What would reach 1.2x: making the idempotency claim optimistic (write the record only inside the transaction, read it beside the voucher read, replay on a condition failure), which removes one round trip and one write.`,
    );
  }
  if (r.throughput.ratio < 0.8) {
    out.push(
      `- (b) throughput ${r.throughput.ratio}x. On two cores the API process, the benchmark client and DynamoDB Local share the CPU; DynamoDB Local's work per redemption is more than the baseline's (3 calls and a transaction with the idempotency record against 2 calls and 5 items), and the API's own CPU (TLS-free HTTP, JSON, Ed25519 verification, zod) comes on top. The same changes as for (a) would cut the database work to the baseline's plus one write.`,
    );
  }
  if (r.coldStart.ratio > 1.3) {
    out.push(
      `- (c) init ${r.coldStart.ratio}x. A bundle with only zod 4 classic, @hono/zod-openapi and a DocumentClient already took ~95 ms against the baseline's ~80 ms when profiled; constructing the route schemas (with their OpenAPI metadata) and registering the 41 API operations adds the rest. The bundle is already trimmed (zod locales, z.compile and z.fromJSONSchema stubbed, the QR encoder in a lazily loaded chunk: 668 KB -> ${(r.coldStart.apiBundleBytes / 1024).toFixed(0)} KB). What would reach 1.3x: validating requests with zod/mini (or compiled validators) and generating the OpenAPI document at build time, so that no OpenAPI metadata is built on the cold-start path.`,
    );
  }
  if (redeem !== undefined && redeem.computedWcu > 12) {
    out.push(
      `- (d) a 3-line redemption costs ${redeem.computedWcu} WCU against a design minimum of 12: +1 for the idempotency claim, +2 for the idempotency record in the transaction (the beneficiary record's TTL is now set after the commit, by the dispatcher, outside this count). The optimistic idempotency claim (see (a)) would bring it to 14; the idempotency record itself (2 WCU in a transaction) is the price of answering retries with the first response, and we keep it.`,
    );
  }
  if (out.length === 0) out.push('- none: every target was met in this run.');
  return out;
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
    ...(r.rounds === undefined
      ? []
      : [
          `| (g) 1,000 households: one CSV call vs single POSTs | ${r.rounds.csvMs} ms | ${r.rounds.singleMs} ms | ${r.rounds.speedup}x faster | >= 3x | ${verdict(r.rounds.speedup >= 3)} |`,
          `| (g) WCU per household, CSV vs single POST | ${r.rounds.csvWcuPerHousehold} | ${r.rounds.singleWcuPerHousehold} | | no higher | ${verdict(r.rounds.csvWcuPerHousehold <= r.rounds.singleWcuPerHousehold)} |`,
        ]),
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
    "Computed from the item sizes actually read and written, by DynamoDB's documented rules (1 KB per write unit, 4 KB per read unit, eventually consistent reads half, transactions double, one write per GSI entry written or removed, index entries = item + 100 bytes). Reported = what DynamoDB Local returned with ReturnConsumedCapacity, shown for comparison: it does not price every case the way DynamoDB documents (compare the receipt row).",
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
    '## (f) Events: webhook delivery, and the hot path with a subscription',
    '',
    `${r.webhooks.samples} redemptions one at a time over HTTP, each followed by waiting for its signed \`voucher.redeemed\` at a receiver on loopback, through the local dispatcher on DynamoDB Local's stream (the code \`npm start\` runs; it polls the stream every ${r.webhooks.pollIdleMs} ms when idle). Then ${r.webhooks.samples} redemptions in alternating blocks of 25 with no subscription and with one active subscription.`,
    '',
    '| | p50 | p99 |',
    '|---|---|---|',
    `| redemption answered -> webhook received | ${r.webhooks.delivery.p50} ms | ${r.webhooks.delivery.p99} ms |`,
    `| redemption, no subscription | ${r.webhooks.redemption.none.p50} ms | ${r.webhooks.redemption.none.p99} ms |`,
    `| redemption, one active subscription | ${r.webhooks.redemption.oneSubscription.p50} ms | ${r.webhooks.redemption.oneSubscription.p99} ms |`,
    `| ratio, one subscription / none | ${r.webhooks.p50Ratio}x | ${r.webhooks.p99Ratio}x |`,
    '',
    ...(r.rounds === undefined ? [] : [...renderRoundHouseholds(r.rounds), '']),
    '## Targets missed: why, and what would reach them',
    '',
    ...missedTargets(r),
    '',
  ];
  return lines.join('\n');
}

/** (g) as its own section, also printed alone by bench/run-rounds.ts. */
export function renderRoundHouseholds(g: RoundHouseholdsResult): string[] {
  return [
    '## (g) Distribution rounds: 1,000 households from one CSV call against 1,000 single POSTs',
    '',
    `One \`POST /v1/rounds/{id}/households\` with a ${g.households}-row CSV (households in transactions of up to 20, 4 in flight) against ${g.households} \`POST /v1/vouchers\` one after the other, same three lines per household, both against the API process. Units priced as in (d), over ${g.sampled} households each way.`,
    '',
    '| | one CSV call | single POSTs |',
    '|---|---|---|',
    `| wall time for ${g.households} households | ${g.csvMs} ms | ${g.singleMs} ms |`,
    `| speed-up | ${g.speedup}x | 1x |`,
    `| WCU per household (computed) | ${g.csvWcuPerHousehold} | ${g.singleWcuPerHousehold} |`,
    `| calls for ${g.sampled} households | ${g.csvCalls} | ${g.singleCalls} |`,
  ];
}
