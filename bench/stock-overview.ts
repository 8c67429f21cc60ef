import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalServer } from '../functions/local-server.js';
import { ensureTable } from '../scripts/lib/ensure-table.js';
import { newLocalSealingKey } from '../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../shared/config/env.js';
import { generateAppSecrets } from '../shared/config/secrets.js';
import { createLogger } from '../shared/logging/logger.js';
import { createDocumentClient } from '../shared/store/dynamo-client.js';
import { itemKey, itemListKey, shelterKey, shelterListKey, stockKey } from '../shared/store/keys.js';
import { createApiKey } from '../shared/usecases/create-api-key.js';
import { createOrganization } from '../shared/usecases/create-organization.js';
import { CapacityMeter } from './lib/capacity-meter.js';
import type { BenchEnvironment } from './lib/environment.js';
import { round, runConcurrently } from './lib/stats.js';

export interface OverviewRow {
  shelters: number;
  rows: number;
  pages: number;
  requests: number;
  requestsPerPage: number;
  latencyMs: number;
}

const ITEMS = 20;

/** Writes shelters, a 20-item catalogue and every balance straight into the table (25 per batch). */
async function seed(
  doc: ReturnType<typeof createDocumentClient>,
  tableName: string,
  shelters: number,
): Promise<void> {
  const now = new Date().toISOString();
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const id = `item-${String(i).padStart(2, '0')}`;
    records.push({
      ...itemKey(id),
      gsi1pk: itemListKey(),
      gsi1sk: id,
      id,
      name: id,
      category: 'food',
      unit: 'kg',
      dailyNeedPerPerson: 0.5,
      createdAt: now,
      createdBy: 'bench',
    });
  }
  for (let s = 0; s < shelters; s++) {
    const shelterId = `s-${String(s).padStart(4, '0')}`;
    records.push({
      ...shelterKey(shelterId),
      gsi1pk: shelterListKey(),
      gsi1sk: shelterId,
      id: shelterId,
      name: shelterId,
      province: 'Phnom Penh',
      capacity: 500,
      population: 300,
      confidential: false,
      createdAt: now,
      createdBy: 'bench',
      updatedAt: now,
      updatedBy: 'bench',
    });
    for (let i = 0; i < ITEMS; i++) {
      const itemId = `item-${String(i).padStart(2, '0')}`;
      records.push({
        ...stockKey(shelterId, itemId),
        shelterId,
        itemId,
        category: 'food',
        onHand: 1000,
        reserved: 10,
        available: 990,
        version: 1,
        updatedAt: now,
      });
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
}

/**
 * (e) The whole stock overview, every page of GET /v1/stock over HTTP, as shelters grow. The
 * requests per page must stay flat (one Query, one batch read of that page's shelters, one
 * catalogue read), so the total grows with rows / page size, never with one call per shelter.
 */
export async function measureStockOverview(
  env: BenchEnvironment,
  sizes = [10, 100, 1000],
): Promise<OverviewRow[]> {
  const rows: OverviewRow[] = [];
  for (const shelters of sizes) {
    const tableName = `overview-${shelters}`;
    await ensureTable(
      new DynamoDBClient({
        endpoint: env.db.endpoint,
        region: 'local',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
      }),
      tableName,
    );
    const doc = createDocumentClient({ endpoint: env.db.endpoint });
    await seed(doc, tableName, shelters);
    const deps = composeAppDeps(loadEnv(apiEnvSchema, { TABLE_NAME: tableName }), {
      sealer: localSealer(newLocalSealingKey()),
      table: { doc, tableName },
      secrets: generateAppSecrets(),
      logger: createLogger('silent'),
    });
    const now = () => new Date();
    await createOrganization(
      { id: 'overview-org', name: 'Overview' },
      { keyId: 'bench' },
      { stores: deps.stores, now },
    );
    const { apiKey } = await createApiKey(
      {
        role: 'logistics',
        orgId: 'overview-org',
        label: 'bench',
        scope: { shelterIds: '*', pickupPointIds: '*' },
      },
      { keyId: 'bench' },
      { stores: deps.stores, now },
    );
    const server = await startLocalServer(deps, 0);
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const readAll = async () => {
      let cursor: string | null = null;
      let pages = 0;
      let count = 0;
      do {
        const url: string = `${baseUrl}/v1/stock?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`;
        const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
        if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
        const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
        count += page.items.length;
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      return { pages, count };
    };
    await readAll(); // warm: key cache, connections, JIT
    const meter = new CapacityMeter(doc, env.db.endpoint, tableName);
    meter.reset();
    const started = performance.now();
    const { pages, count } = await readAll();
    const latencyMs = round(performance.now() - started, 1);
    if (count !== shelters * ITEMS) throw new Error(`read ${count} balances, expected ${shelters * ITEMS}`);
    rows.push({
      shelters,
      rows: count,
      pages,
      requests: meter.priced.requests,
      requestsPerPage: round(meter.priced.requests / pages, 2),
      latencyMs,
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return rows;
}
