// `npm run bench`: every measurement in one run against its own DynamoDB Local; prints the
// report and writes it to bench/results.md. Figures are ratios against baselines run in the same
// process on the same database, never absolute promises.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { measureCapacity } from './capacity-units.js';
import { measureColdStart } from './cold-start.js';
import { measureHotPathProfile } from './hot-path-profile.js';
import { startBenchEnvironment } from './lib/environment.js';
import { measureOffline } from './offline.js';
import { measureOfflineScanner } from './offline-scanner.js';
import { measurePageWeight } from './page-weight.js';
import { measureRedemptionLatency } from './redemption-latency.js';
import { measureRedemptionThroughput } from './redemption-throughput.js';
import { type BenchResults, renderReport } from './report.js';
import { measureRoundHouseholds } from './round-households.js';
import { measureStockOverview } from './stock-overview.js';
import { measureTransferPlan } from './transfer-plan.js';
import { measureWebhookLatency } from './webhook-latency.js';

const started = performance.now();
const loadAtStart = loadavg();
const step = (name: string) => process.stderr.write(`bench: ${name}...\n`);

step('starting DynamoDB Local and seeding');
const env = await startBenchEnvironment();
try {
  // First, while the table's stream holds only well-formed records: the raw baseline of (a) and (b)
  // writes bare voucher records no schema accepts, which the local dispatcher logs as dead letters.
  step('(f) webhook delivery after a redemption, and the hot path with a subscription');
  const webhooks = await measureWebhookLatency(env);
  step('(a) redemption latency');
  const latency = await measureRedemptionLatency(env);
  step('(b) redemption throughput');
  const throughput = await measureRedemptionThroughput(env);
  step("(a2) where a redemption's CPU goes, profiled under load");
  const hotPath = await measureHotPathProfile(env);
  step('(c) bundle size and cold start');
  const coldStart = await measureColdStart(9, env);
  step('(d) capacity units');
  const capacity = await measureCapacity(env);
  step('(e) stock overview at 10, 100 and 1,000 shelters');
  const overview = await measureStockOverview(env);
  step(
    '(g) offline: a 5,000-voucher pack, and 500 records synced in one call against 500 online redemptions',
  );
  const offline = await measureOffline(env);
  step('(h) the scanner offline in Chromium: a 5,000-voucher pack, 50 handovers');
  const offlineScanner = await measureOfflineScanner(env);
  step('(i) 1,000 households from one CSV call against single POSTs');
  const rounds = await measureRoundHouseholds(env);
  step('(j) page weight: each page’s first load with an empty cache, in Chromium');
  const pageWeight = await measurePageWeight(env);
  step('(k) the transfer plan at 100 and 1,000 shelters x 50 items');
  const transferPlan = await measureTransferPlan(env);
  const results: BenchResults = {
    latency,
    throughput,
    coldStart,
    capacity,
    overview,
    webhooks,
    offline,
    offlineScanner,
    rounds,
    pageWeight,
    transferPlan,
    hotPath,
    loadAverage: { start: loadAtStart, end: loadavg() },
    durationSeconds: (performance.now() - started) / 1000,
  };
  const report = renderReport(results);
  process.stdout.write(`${report}\n`);
  writeFileSync(new URL('./results.md', import.meta.url), report);
} finally {
  await env.close();
}
