import type { AddressInfo } from 'node:net';
import { startLocalServer } from '../functions/local-server.js';
import { newLocalSealingKey } from '../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../shared/config/env.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import type { RationRule } from '../shared/domain/entitlement-rules.js';
import { computeEntitlement } from '../shared/domain/entitlements.js';
import { createLogger } from '../shared/logging/logger.js';
import { createDocumentClient } from '../shared/store/dynamo-client.js';
import { CapacityMeter } from './lib/capacity-meter.js';
import type { BenchEnvironment } from './lib/environment.js';

export interface RoundHouseholdsResult {
  households: number;
  csvMs: number;
  singleMs: number;
  /** singleMs / csvMs: how many times faster one CSV call is than single POSTs. */
  speedup: number;
  sampled: number;
  csvWcuPerHousehold: number;
  singleWcuPerHousehold: number;
  csvCalls: string;
  singleCalls: string;
}

const HOUSEHOLDS = 1000;
const SAMPLE = 50;
const DAYS = 14;

/** Three lines, as the other measurements' vouchers have: rice and water by person-day, a blanket per 2 people. */
const rules: RationRule[] = [
  { itemId: 'rice', amount: 0.4, per: 'person-day' },
  { itemId: 'water', amount: 15, per: 'person-day' },
  { itemId: 'blanket', amount: 1, per: 'people', people: 2, max: 3 },
];
const units: Record<string, 'kg' | 'L' | 'piece'> = { rice: 'kg', water: 'L', blanket: 'piece' };

async function send(
  baseUrl: string,
  key: string,
  path: string,
  body: string,
  contentType = 'application/json',
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': contentType,
      'idempotency-key': crypto.randomUUID(),
    },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function openRound(baseUrl: string, key: string, name: string): Promise<string> {
  const from = Date.now() - 60_000;
  const round = await send(
    baseUrl,
    key,
    '/v1/rounds',
    JSON.stringify({
      name,
      shelterIds: ['bench-a'],
      validFrom: new Date(from).toISOString(),
      validUntil: new Date(from + DAYS * 86_400_000).toISOString(),
      rules,
    }),
  );
  await send(baseUrl, key, `/v1/rounds/${round.id}/open`, '{}');
  return String(round.id);
}

const sizeOf = (i: number) => 1 + (i % 6);
const csvOf = (prefix: string, count: number) =>
  [
    'beneficiaryRef,householdSize',
    ...Array.from({ length: count }, (_, i) => `${prefix}-${i},${sizeOf(i)}`),
  ].join('\n');

/** What the rules give household `i`: the same lines the single POSTs send by hand. */
const linesOf = (i: number) =>
  computeEntitlement(rules, sizeOf(i), DAYS, (itemId) => units[itemId] ?? 'piece');

async function issueCsv(baseUrl: string, key: string, prefix: string, count: number) {
  const roundId = await openRound(baseUrl, key, `bench ${prefix}`);
  const answer = await send(
    baseUrl,
    key,
    `/v1/rounds/${roundId}/households`,
    csvOf(prefix, count),
    'text/csv',
  );
  if (answer.issued !== count) throw new Error(`CSV issued ${String(answer.issued)} of ${count}`);
}

async function issueSingles(baseUrl: string, key: string, prefix: string, count: number) {
  for (let i = 0; i < count; i++) {
    await send(
      baseUrl,
      key,
      '/v1/vouchers',
      JSON.stringify({
        shelterId: 'bench-a',
        beneficiaryRef: `${prefix}-${i}`,
        householdSize: sizeOf(i),
        lines: linesOf(i),
      }),
    );
  }
}

/**
 * (i) Issuing 1,000 households: one CSV call to a round against 1,000 single POST /v1/vouchers
 * one after the other (what a coordinator's script does today), both against the API process.
 * Units are priced by the same meter as (d), on 50 households each way through an in-process
 * server whose document client carries the meter.
 */
export async function measureRoundHouseholds(env: BenchEnvironment): Promise<RoundHouseholdsResult> {
  const key = env.keys.coordinator;
  // Warm both paths (key cache, catalogue, code paths) before timing.
  await issueCsv(env.baseUrl, key, 'warm-csv', 20);
  await issueSingles(env.baseUrl, key, 'warm-single', 20);

  let started = performance.now();
  await issueSingles(env.baseUrl, key, 'single', HOUSEHOLDS);
  const singleMs = performance.now() - started;
  started = performance.now();
  await issueCsv(env.baseUrl, key, 'csv', HOUSEHOLDS);
  const csvMs = performance.now() - started;

  const metered = {
    doc: createDocumentClient({ endpoint: env.db.endpoint }),
    tableName: env.table.tableName,
  };
  const meter = new CapacityMeter(metered.doc, env.db.endpoint, metered.tableName);
  const deps = composeAppDeps(loadEnv(apiEnvSchema, { TABLE_NAME: metered.tableName }), {
    sealer: localSealer(newLocalSealingKey()),
    table: metered,
    secrets: generateAppSecrets('bench-meter'),
    logger: createLogger('silent'),
  });
  const server = await startLocalServer(deps, 0);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await issueSingles(baseUrl, key, 'meter-warm', 1);
  meter.reset();
  await issueSingles(baseUrl, key, 'meter-single', SAMPLE);
  const single = meter.priced;
  const roundId = await openRound(baseUrl, key, 'bench metered');
  meter.reset();
  await send(baseUrl, key, `/v1/rounds/${roundId}/households`, csvOf('meter-csv', SAMPLE), 'text/csv');
  const csv = meter.priced;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  const callsOf = (calls: string[]) => {
    const counts = new Map<string, number>();
    for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1);
    return [...counts].map(([name, count]) => `${count} ${name}`).join(', ');
  };
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    households: HOUSEHOLDS,
    csvMs: Math.round(csvMs),
    singleMs: Math.round(singleMs),
    speedup: round2(singleMs / csvMs),
    sampled: SAMPLE,
    csvWcuPerHousehold: round2(csv.computedWcu / SAMPLE),
    singleWcuPerHousehold: round2(single.computedWcu / SAMPLE),
    csvCalls: callsOf(csv.calls),
    singleCalls: callsOf(single.calls),
  };
}
