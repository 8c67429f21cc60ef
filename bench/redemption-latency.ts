import type { BenchEnvironment } from './lib/environment.js';
import { rawRedemption } from './lib/raw-redemption.js';
import { type CpuTime, cpuMs, type ServerProcess } from './lib/server-process.js';
import { percentile, ratio, round } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

type Percentiles = { p50: number; p99: number };

export interface LatencyResult {
  samples: number;
  api: Percentiles;
  /** The bare HTTP handler making only the raw calls (bench/baseline/bare-redemption-server.ts). */
  bare: Percentiles;
  raw: Percentiles;
  /** Against the raw SDK calls: the physical limit. */
  p50Ratio: number;
  p99Ratio: number;
  /** Against the bare HTTP handler: what is the API's own. */
  bareP50Ratio: number;
  bareP99Ratio: number;
  /** Server CPU time per redemption (user + system, ms), each process over its own blocks. */
  cpu: { api: number; bare: number; ratio: number };
}

const summary = (s: number[]): Percentiles => ({
  p50: round(percentile(s, 50)),
  p99: round(percentile(s, 99)),
});

/** The CPU time a server process used while `run` ran, added to `into`. */
async function counting(
  server: ServerProcess,
  into: { ms: number },
  run: () => Promise<void>,
): Promise<void> {
  const before: CpuTime = await server.cpu();
  await run();
  into.ms += cpuMs(await server.cpu()) - cpuMs(before);
}

/**
 * (a) One redemption at a time, three ways: the API over HTTP on loopback (auth, validation,
 * idempotency record, the transaction); the bare HTTP handler on the same loopback with the same
 * request and answer, making only the raw calls; the raw calls with the SDK and no HTTP at all.
 * Blocks of 25 alternate so that any drift in DynamoDB Local (JIT warm-up, GC) or in the
 * machine's load hits all three alike.
 */
export async function measureRedemptionLatency(env: BenchEnvironment, samples = 300): Promise<LatencyResult> {
  const apiVouchers = await issueVouchers(env.deps, env.coordinator, samples + 20);
  const bareVouchers = await issueVouchers(env.deps, env.coordinator, samples + 20);
  const rawVouchers = await issueVouchers(env.deps, env.coordinator, samples + 20);
  const redeemOver = async (url: string, token: string) => {
    const status = await apiRedemption(url, env.keys.volunteer, token);
    if (status !== 200) throw new Error(`${url} answered a redemption with ${status}`);
  };
  // Warm-up: JIT, connection pools and key cache, excluded from the figures.
  for (let i = 0; i < 20; i++) {
    await redeemOver(env.api.url, apiVouchers.pop()?.token ?? '');
    await redeemOver(env.bare.url, bareVouchers.pop()?.token ?? '');
    await rawRedemption(env.table, rawVouchers.pop()?.id ?? '');
  }
  const times = { api: [] as number[], bare: [] as number[], raw: [] as number[] };
  const cpu = { api: { ms: 0 }, bare: { ms: 0 } };
  const timed = async (into: number[], run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let block = 0; block < samples / 25; block++) {
    await counting(env.api, cpu.api, async () => {
      for (let i = 0; i < 25; i++)
        await timed(times.api, () => redeemOver(env.api.url, apiVouchers.pop()?.token ?? ''));
    });
    await counting(env.bare, cpu.bare, async () => {
      for (let i = 0; i < 25; i++)
        await timed(times.bare, () => redeemOver(env.bare.url, bareVouchers.pop()?.token ?? ''));
    });
    for (let i = 0; i < 25; i++)
      await timed(times.raw, () => rawRedemption(env.table, rawVouchers.pop()?.id ?? ''));
  }
  const api = summary(times.api);
  const bare = summary(times.bare);
  const raw = summary(times.raw);
  const perRedemption = (ms: number) => round(ms / samples, 3);
  return {
    samples,
    api,
    bare,
    raw,
    p50Ratio: ratio(api.p50, raw.p50),
    p99Ratio: ratio(api.p99, raw.p99),
    bareP50Ratio: ratio(api.p50, bare.p50),
    bareP99Ratio: ratio(api.p99, bare.p99),
    cpu: {
      api: perRedemption(cpu.api.ms),
      bare: perRedemption(cpu.bare.ms),
      ratio: ratio(cpu.api.ms, cpu.bare.ms),
    },
  };
}
