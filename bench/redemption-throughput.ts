import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { BenchEnvironment } from './lib/environment.js';
import { benchLines } from './lib/environment.js';
import { rawRedemption } from './lib/raw-redemption.js';
import { cpuMs, type ServerProcess } from './lib/server-process.js';
import { ratio, round, runConcurrently } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

export interface ThroughputResult {
  clients: number;
  /** Per side. */
  redemptions: number;
  rounds: number;
  apiPerSecond: number;
  /** The bare HTTP handler making only the raw calls (bench/baseline/bare-redemption-server.ts). */
  barePerSecond: number;
  rawPerSecond: number;
  /** Against the raw SDK calls. */
  ratio: number;
  /** Against the bare HTTP handler. */
  bareRatio: number;
  lost: number;
  doubled: number;
  /** Server CPU time per redemption under load (user + system, ms), each process over its own rounds. */
  cpu: { api: number; bare: number; ratio: number };
}

async function distributionsByVoucher(env: BenchEnvironment): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await env.table.doc.send(
      new QueryCommand({
        TableName: env.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :move)',
        ExpressionAttributeValues: { ':pk': 'SHELTER#bench-a', ':move': 'MOVE#' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      if (item.type === 'distribution' && typeof item.voucherId === 'string') {
        counts.set(item.voucherId, (counts.get(item.voucherId) ?? 0) + 1);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return counts;
}

/**
 * (b) 16 clients redeeming different vouchers at one shelter at once (every transaction touches
 * the same three stock rows), three ways: the API, the bare HTTP handler, the raw transaction.
 * The sides take turns in rounds, so that a change in the machine's load reaches all three.
 * Then every API voucher is checked: exactly one distribution each, and stock down by exactly
 * what was handed over.
 */
export async function measureRedemptionThroughput(
  env: BenchEnvironment,
  clients = 16,
  redemptions = 800,
  rounds = 4,
): Promise<ThroughputResult> {
  const apiVouchers = await issueVouchers(env.deps, env.coordinator, redemptions);
  const bareVouchers = await issueVouchers(env.deps, env.coordinator, redemptions);
  const rawVouchers = await issueVouchers(env.deps, env.coordinator, redemptions);
  const before = await env.deps.stores.stock.readBalances('bench-a', ['rice']);
  const failures: number[] = [];
  const elapsed = { api: 0, bare: 0, raw: 0 };
  const cpu = { api: 0, bare: 0 };
  const overHttp = async (server: ServerProcess, vouchers: typeof apiVouchers) => {
    const started = await server.cpu();
    const ms = await runConcurrently(vouchers, clients, async (voucher) => {
      const status = await apiRedemption(server.url, env.keys.volunteer, voucher.token, 'pp-2');
      if (status !== 200) failures.push(status);
    });
    return { ms, cpuMs: cpuMs(await server.cpu()) - cpuMs(started) };
  };
  const perRound = redemptions / rounds;
  for (let r = 0; r < rounds; r++) {
    const slice = (vouchers: typeof apiVouchers) => vouchers.slice(r * perRound, (r + 1) * perRound);
    const api = await overHttp(env.api, slice(apiVouchers));
    elapsed.api += api.ms;
    cpu.api += api.cpuMs;
    const bare = await overHttp(env.bare, slice(bareVouchers));
    elapsed.bare += bare.ms;
    cpu.bare += bare.cpuMs;
    elapsed.raw += await runConcurrently(slice(rawVouchers), clients, async (voucher) => {
      await rawRedemption(env.table, voucher.id);
    });
  }
  const after = await env.deps.stores.stock.readBalances('bench-a', ['rice']);

  const counts = await distributionsByVoucher(env);
  const lost = apiVouchers.filter((v) => (counts.get(v.id) ?? 0) === 0).length + failures.length;
  const doubled = apiVouchers.filter((v) => (counts.get(v.id) ?? 0) > 1).length;
  const riceDrop = (before.get('rice')?.onHand ?? 0) - (after.get('rice')?.onHand ?? 0);
  const expectedDrop = 3 * redemptions * (benchLines[0]?.quantity ?? 0);
  if (riceDrop !== expectedDrop) throw new Error(`stock moved by ${riceDrop}, expected ${expectedDrop}`);
  const perSecond = (ms: number) => round(redemptions / (ms / 1000), 1);
  const apiPerSecond = perSecond(elapsed.api);
  const barePerSecond = perSecond(elapsed.bare);
  const rawPerSecond = perSecond(elapsed.raw);
  return {
    clients,
    redemptions,
    rounds,
    apiPerSecond,
    barePerSecond,
    rawPerSecond,
    ratio: ratio(apiPerSecond, rawPerSecond),
    bareRatio: ratio(apiPerSecond, barePerSecond),
    lost,
    doubled,
    cpu: {
      api: round(cpu.api / redemptions, 3),
      bare: round(cpu.bare / redemptions, 3),
      ratio: ratio(cpu.api, cpu.bare),
    },
  };
}
