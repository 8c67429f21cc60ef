import type { BenchEnvironment } from './lib/environment.js';
import { rawRedemption } from './lib/raw-redemption.js';
import { percentile, ratio, round } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

export interface LatencyResult {
  samples: number;
  api: { p50: number; p99: number };
  raw: { p50: number; p99: number };
  p50Ratio: number;
  p99Ratio: number;
}

/**
 * (a) One redemption at a time: the API over HTTP on loopback (auth, validation, idempotency
 * record, the transaction) against the raw minimum with the SDK. Blocks alternate so that any
 * drift in DynamoDB Local (JIT warm-up, GC) hits both sides alike.
 */
export async function measureRedemptionLatency(env: BenchEnvironment, samples = 300): Promise<LatencyResult> {
  const apiVouchers = await issueVouchers(env.deps, env.coordinator, samples + 20);
  const rawVouchers = await issueVouchers(env.deps, env.coordinator, samples + 20);
  // Warm-up: JIT, connection pools and key cache, excluded from the figures.
  for (let i = 0; i < 20; i++) {
    await apiRedemption(env.baseUrl, env.keys.volunteer, apiVouchers.pop()?.token ?? '');
    await rawRedemption(env.table, rawVouchers.pop()?.id ?? '');
  }
  const api: number[] = [];
  const raw: number[] = [];
  for (let block = 0; block < samples / 25; block++) {
    for (let i = 0; i < 25; i++) {
      const voucher = apiVouchers.pop();
      const started = performance.now();
      const status = await apiRedemption(env.baseUrl, env.keys.volunteer, voucher?.token ?? '');
      api.push(performance.now() - started);
      if (status !== 200) throw new Error(`API redemption answered ${status}`);
    }
    for (let i = 0; i < 25; i++) {
      const voucher = rawVouchers.pop();
      const started = performance.now();
      await rawRedemption(env.table, voucher?.id ?? '');
      raw.push(performance.now() - started);
    }
  }
  const summary = (s: number[]) => ({ p50: round(percentile(s, 50)), p99: round(percentile(s, 99)) });
  const apiSummary = summary(api);
  const rawSummary = summary(raw);
  return {
    samples,
    api: apiSummary,
    raw: rawSummary,
    p50Ratio: ratio(apiSummary.p50, rawSummary.p50),
    p99Ratio: ratio(apiSummary.p99, rawSummary.p99),
  };
}
