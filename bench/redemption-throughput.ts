import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { BenchEnvironment } from './lib/environment.js';
import { benchLines } from './lib/environment.js';
import { rawRedemption } from './lib/raw-redemption.js';
import { ratio, round, runConcurrently } from './lib/stats.js';
import { apiRedemption, issueVouchers } from './lib/vouchers.js';

export interface ThroughputResult {
  clients: number;
  redemptions: number;
  apiPerSecond: number;
  rawPerSecond: number;
  ratio: number;
  lost: number;
  doubled: number;
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
 * the same three stock rows), against 16 clients running the raw transaction. Then every voucher
 * is checked: exactly one distribution each, and stock down by exactly what was handed over.
 */
export async function measureRedemptionThroughput(
  env: BenchEnvironment,
  clients = 16,
  redemptions = 800,
): Promise<ThroughputResult> {
  const apiVouchers = await issueVouchers(env.deps, env.coordinator, redemptions);
  const rawVouchers = await issueVouchers(env.deps, env.coordinator, redemptions);
  const before = await env.deps.stores.stock.readBalances('bench-a', ['rice']);
  const failures: number[] = [];
  const apiMs = await runConcurrently(apiVouchers, clients, async (voucher) => {
    const status = await apiRedemption(env.baseUrl, env.keys.volunteer, voucher.token, 'pp-2');
    if (status !== 200) failures.push(status);
  });
  const afterApi = await env.deps.stores.stock.readBalances('bench-a', ['rice']);
  const rawMs = await runConcurrently(rawVouchers, clients, (voucher) =>
    rawRedemption(env.table, voucher.id),
  );

  const counts = await distributionsByVoucher(env);
  const lost = apiVouchers.filter((v) => (counts.get(v.id) ?? 0) === 0).length + failures.length;
  const doubled = apiVouchers.filter((v) => (counts.get(v.id) ?? 0) > 1).length;
  const riceDrop = (before.get('rice')?.onHand ?? 0) - (afterApi.get('rice')?.onHand ?? 0);
  const expectedDrop = redemptions * (benchLines[0]?.quantity ?? 0);
  if (riceDrop !== expectedDrop) throw new Error(`stock moved by ${riceDrop}, expected ${expectedDrop}`);
  const apiPerSecond = round(redemptions / (apiMs / 1000), 1);
  const rawPerSecond = round(redemptions / (rawMs / 1000), 1);
  return {
    clients,
    redemptions,
    apiPerSecond,
    rawPerSecond,
    ratio: ratio(apiPerSecond, rawPerSecond),
    lost,
    doubled,
  };
}
