import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalServer } from '../functions/local-server.js';
import { ensureTable } from '../scripts/lib/ensure-table.js';
import { newLocalSealingKey } from '../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../shared/config/env.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import type { Principal } from '../shared/domain/api-key.js';
import { planTransfers } from '../shared/domain/transfer-plan.js';
import { createLogger } from '../shared/logging/logger.js';
import { createDocumentClient } from '../shared/store/dynamo-client.js';
import {
  inTransitKey,
  itemKey,
  itemListKey,
  shelterKey,
  shelterListKey,
  stockKey,
} from '../shared/store/keys.js';
import { createApiKey } from '../shared/usecases/create-api-key.js';
import { createOrganization } from '../shared/usecases/create-organization.js';
import { planItemsOf, readNetworkCover } from '../shared/usecases/network-cover.js';
import { CapacityMeter } from './lib/capacity-meter.js';
import type { BenchEnvironment } from './lib/environment.js';
import { median, round, runConcurrently } from './lib/stats.js';

/** (k) One network size: what the plan read, what it cost, how long it took. */
export interface TransferPlanRow {
  shelters: number;
  items: number;
  balances: number;
  /** Transfers on the road (one in 20 shelters has one coming). */
  inTransit: number;
  suggestions: number;
  trips: number;
  /** planTransfers() alone on the network read from the table: median of `computeRuns`. */
  computeMs: number;
  /** The same runs' CPU time (median): steadier than wall time on a shared, loaded machine. */
  computeCpuMs: number;
  computeRuns: number;
  /** readNetworkCover() alone, in process (the four paged Queries, records parsed): median of `requestRuns`. */
  readMs: number;
  /** GET /v1/plans/transfers over HTTP, reads included: median of `requestRuns`. */
  requestMs: number;
  requestRuns: number;
  /** DynamoDB requests of one GET /v1/plans/transfers, and how many went to each partition read. */
  requests: number;
  byPartition: Record<string, number>;
}

const ITEMS = 50;
const TARGET_DAYS = 7;

/** A small deterministic generator, so every run plans the same network. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shelterId = (s: number) => `s-${String(s).padStart(4, '0')}`;
const itemId = (i: number) => `item-${String(i).padStart(2, '0')}`;

/**
 * Shelters of 50 to 800 people, 50 items with daily needs from 0.1 to 15 units a person, each
 * balance holding between 0 and 20 days of cover (so about a third of them below the 7-day
 * target, the rest able to spare), a few vouchers' worth reserved, and one shelter in 20 with a
 * transfer of three items on its way. Written straight into the table, 25 items per batch.
 */
async function seed(
  doc: ReturnType<typeof createDocumentClient>,
  tableName: string,
  shelters: number,
): Promise<{ balances: number; inTransit: number }> {
  const random = mulberry32(shelters);
  const now = new Date().toISOString();
  const records: Record<string, unknown>[] = [];
  const needs: number[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const need = round(0.1 + random() * 14.9, 3);
    needs.push(need);
    records.push({
      ...itemKey(itemId(i)),
      gsi1pk: itemListKey(),
      gsi1sk: itemId(i),
      id: itemId(i),
      name: `Item ${i}`,
      category: 'food',
      unit: 'kg',
      dailyNeedPerPerson: need,
      createdAt: now,
      createdBy: 'bench',
    });
  }
  let balances = 0;
  let inTransit = 0;
  for (let s = 0; s < shelters; s++) {
    const id = shelterId(s);
    const population = 50 + Math.floor(random() * 750);
    records.push({
      ...shelterKey(id),
      gsi1pk: shelterListKey(),
      gsi1sk: id,
      id,
      name: `Shelter ${s}`,
      province: 'Phnom Penh',
      capacity: 1000,
      population,
      confidential: s % 7 === 0,
      createdAt: now,
      createdBy: 'bench',
      updatedAt: now,
      updatedBy: 'bench',
    });
    for (let i = 0; i < ITEMS; i++) {
      const onHand = Math.round(population * (needs[i] ?? 1) * random() * 20);
      const reserved = Math.min(onHand, Math.floor(random() * 20));
      records.push({
        ...stockKey(id, itemId(i)),
        shelterId: id,
        itemId: itemId(i),
        category: 'food',
        onHand,
        reserved,
        available: onHand - reserved,
        version: 1,
        updatedAt: now,
      });
      balances++;
    }
    if (s % 20 === 0 && shelters > 1) {
      const transferId = `tr-bench-${s}`;
      records.push({
        ...inTransitKey(id, transferId),
        transferId,
        fromShelterId: shelterId((s + 1) % shelters),
        toShelterId: id,
        lines: [0, 1, 2].map((i) => ({ itemId: itemId(i), quantity: 100 })),
        dispatchedAt: now,
      });
      inTransit++;
    }
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < records.length; i += 25) batches.push(records.slice(i, i + 25));
  await runConcurrently(batches, 8, async (batch) => {
    let pending = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  });
  return { balances, inTransit };
}

/**
 * (k) The transfer plan for 100 and 1,000 shelters x 50 items: how long planTransfers() takes on
 * the whole network (target: at most 1 s at 1,000 shelters), how long GET /v1/plans/transfers
 * takes over HTTP, and the DynamoDB requests it makes, which must not grow one per shelter: one
 * Query each for the shelters, the catalogue, the stock partition and what is in transit, each
 * paged by DynamoDB's 1 MB.
 */
export async function measureTransferPlan(
  env: Pick<BenchEnvironment, 'db'>,
  sizes = [100, 1000],
): Promise<TransferPlanRow[]> {
  const rows: TransferPlanRow[] = [];
  for (const shelters of sizes) {
    const tableName = `plan-${shelters}`;
    const client = new DynamoDBClient({
      endpoint: env.db.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    await ensureTable(client, tableName);
    client.destroy();
    const doc = createDocumentClient({ endpoint: env.db.endpoint });
    const seeded = await seed(doc, tableName, shelters);
    const deps = composeAppDeps(loadEnv(apiEnvSchema, { TABLE_NAME: tableName }), {
      sealer: localSealer(newLocalSealingKey()),
      table: { doc, tableName },
      secrets: generateAppSecrets(),
      logger: createLogger('silent'),
    });
    const now = () => new Date();
    await createOrganization(
      { id: 'plan-org', name: 'Plan' },
      { keyId: 'bench' },
      { stores: deps.stores, now },
    );
    const scope = { shelterIds: '*' as const, pickupPointIds: '*' as const };
    const { apiKey } = await createApiKey(
      { role: 'logistics', orgId: 'plan-org', label: 'bench', scope },
      { keyId: 'bench' },
      { stores: deps.stores, now },
    );
    const lead: Principal = { keyId: 'bench', role: 'logistics', orgId: 'plan-org', scope };

    // The reads alone, then the computation alone on the network as the use case reads it.
    let cover = await readNetworkCover(lead, {}, deps);
    const readMs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      cover = await readNetworkCover(lead, {}, deps);
      readMs.push(performance.now() - started);
    }
    const items = planItemsOf(cover);
    const computeRuns = 5;
    const computeMs: number[] = [];
    const computeCpuMs: number[] = [];
    let plan = planTransfers(items, TARGET_DAYS); // warm: JIT
    for (let run = 0; run < computeRuns; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      plan = planTransfers(items, TARGET_DAYS);
      const used = process.cpuUsage(cpu);
      computeMs.push(performance.now() - started);
      computeCpuMs.push((used.user + used.system) / 1000);
    }
    const trips = new Set(plan.suggestions.map((s) => `${s.fromShelterId} ${s.toShelterId}`)).size;

    // The whole request, over HTTP, counting what it asks of DynamoDB and of which partition.
    const server = await startLocalServer(deps, 0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/plans/transfers?targetDays=${TARGET_DAYS}`;
    const get = async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
      if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { suggestionsTotal: number };
    };
    const answer = await get(); // warm: the key cache, the route group, connections
    if (answer.suggestionsTotal !== plan.suggestions.length)
      throw new Error(
        `the route planned ${answer.suggestionsTotal} suggestions, the function ${plan.suggestions.length}`,
      );
    const byPartition: Record<string, number> = {};
    doc.middlewareStack.add(
      (next) => async (args) => {
        const values = (args.input as { ExpressionAttributeValues?: Record<string, unknown> })
          .ExpressionAttributeValues;
        const partition = String(values?.[':pk'] ?? 'other');
        byPartition[partition] = (byPartition[partition] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'benchPlanPartitions' },
    );
    const meter = new CapacityMeter(doc, env.db.endpoint, tableName);
    meter.reset();
    for (const key of Object.keys(byPartition)) delete byPartition[key];
    await get();
    const requests = meter.priced.requests;
    const counted = { ...byPartition };
    const requestRuns = 3;
    const requestMs: number[] = [];
    for (let run = 0; run < requestRuns; run++) {
      const started = performance.now();
      await get();
      requestMs.push(performance.now() - started);
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    doc.destroy();
    rows.push({
      shelters,
      items: ITEMS,
      balances: seeded.balances,
      inTransit: seeded.inTransit,
      suggestions: plan.suggestions.length,
      trips,
      computeMs: round(median(computeMs), 1),
      computeCpuMs: round(median(computeCpuMs), 1),
      computeRuns,
      readMs: round(median(readMs), 0),
      requestMs: round(median(requestMs), 0),
      requestRuns,
      requests,
      byPartition: counted,
    });
  }
  return rows;
}

/** (k) as its own section, also printed alone by bench/run-transfer-plan.ts. */
export function renderTransferPlan(rows: readonly TransferPlanRow[]): string[] {
  const partitions = [...new Set(rows.flatMap((r) => Object.keys(r.byPartition)))].sort();
  return [
    `## (k) Transfer plan: ${rows.map((r) => r.shelters.toLocaleString('en')).join(' and ')} shelters x ${rows[0]?.items ?? ITEMS} items`,
    '',
    `The network seeded straight into the table (0 to 20 days of cover per balance, one shelter in 20 with a transfer on its way). Compute: \`planTransfers()\` alone on the network as \`GET /v1/plans/transfers\` reads it, ${TARGET_DAYS}-day target, median of ${rows[0]?.computeRuns ?? 5} after a warm-up, wall time and (CPU time, steadier when the machine is shared). Reads: \`readNetworkCover()\` alone in process (the paged Queries, every record parsed by its schema), median of 3. Request: the whole \`GET /v1/plans/transfers?targetDays=${TARGET_DAYS}\` over HTTP on loopback (reads, plan, JSON of the first 200 suggestions), median of ${rows[0]?.requestRuns ?? 3}. Requests: what that GET asked of DynamoDB, by partition read (SHELTERS and ITEMS are gsi1 listings; STOCK and TRANSIT are table partitions, each Query paged by DynamoDB's 1 MB).`,
    '',
    `| shelters | balances | in transit | suggestions | trips | compute (CPU) | reads | request | DynamoDB requests | ${partitions.join(' | ')} |`,
    `|---|---|---|---|---|---|---|---|---|${partitions.map(() => '---|').join('')}`,
    ...rows.map(
      (r) =>
        `| ${r.shelters} | ${r.balances} | ${r.inTransit} | ${r.suggestions} | ${r.trips} | ${r.computeMs} ms (${r.computeCpuMs} ms) | ${r.readMs} ms | ${r.requestMs} ms | ${r.requests} | ${partitions.map((p) => r.byPartition[p] ?? 0).join(' | ')} |`,
    ),
  ];
}

/** Requests beyond the stock partition's 1 MB pages: the same at every size, or the reads grow with shelters. */
export function planRequestsFlat(rows: readonly TransferPlanRow[]): boolean {
  const beyondStock = rows.map((r) => r.requests - (r.byPartition.STOCK ?? 0));
  const stockPagesSmall = rows.every((r) => (r.byPartition.STOCK ?? 0) <= Math.ceil(r.balances / 1000) + 1);
  return new Set(beyondStock).size === 1 && stockPagesSmall;
}
