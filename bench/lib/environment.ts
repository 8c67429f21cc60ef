import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.js';
import { ensureTable } from '../../scripts/lib/ensure-table.js';
import { findFreePort } from '../../scripts/lib/free-port.js';
import { newLocalSealingKey } from '../../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../../shared/config/env.js';
import { type AppSecrets, generateAppSecrets } from '../../shared/config/secrets.js';
import type { Principal } from '../../shared/domain/api-key.js';
import type { AppDeps } from '../../shared/http/app-env.js';
import { createLogger } from '../../shared/logging/logger.js';
import { createDocumentClient } from '../../shared/store/dynamo-client.js';
import type { TableContext } from '../../shared/store/table-context.js';
import { createApiKey } from '../../shared/usecases/create-api-key.js';
import { createItem } from '../../shared/usecases/create-item.js';
import { createOrganization } from '../../shared/usecases/create-organization.js';
import { createPickupPoint } from '../../shared/usecases/create-pickup-point.js';
import { createShelter } from '../../shared/usecases/create-shelter.js';
import { recordReceipt } from '../../shared/usecases/record-receipt.js';
import { type ServerProcess, startServerProcess } from './server-process.js';

/**
 * One DynamoDB Local, one table, the app served on loopback and, beside it, the bare HTTP
 * baseline (bench/baseline/bare-redemption-server.ts): what every scenario measures against.
 */
export interface BenchEnvironment {
  db: DynamoDbLocal;
  table: TableContext;
  deps: AppDeps;
  /** The app's secrets, as the API's process was given them. */
  secrets: AppSecrets;
  /** The API's process (bench/serve-api.ts); `baseUrl` is its address. */
  api: ServerProcess;
  baseUrl: string;
  /** The bare HTTP handler that makes only the raw calls of a redemption. */
  bare: ServerProcess;
  keys: { coordinator: string; volunteer: string; logistics: string };
  coordinator: Principal;
  close(): Promise<void>;
}

export const benchLines = [
  { itemId: 'rice', quantity: 2 },
  { itemId: 'water', quantity: 10 },
  { itemId: 'blanket', quantity: 1 },
];

export async function startBenchEnvironment(): Promise<BenchEnvironment> {
  const db = await startDynamoDbLocal();
  const client = new DynamoDBClient({
    endpoint: db.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  await ensureTable(client, 'bench');
  const table = { doc: createDocumentClient({ endpoint: db.endpoint }), tableName: 'bench' };
  const secrets = generateAppSecrets('bench-1');
  const deps = composeAppDeps(loadEnv(apiEnvSchema, { TABLE_NAME: 'bench' }), {
    sealer: localSealer(newLocalSealingKey()),
    table,
    secrets,
    logger: createLogger('silent'),
  });
  const now = () => new Date();
  const actor = { keyId: 'bench' };
  await createOrganization({ id: 'bench-org', name: 'Bench' }, actor, { stores: deps.stores, now });
  await createShelter(
    {
      id: 'bench-a',
      name: 'Bench A',
      province: 'Phnom Penh',
      capacity: 100_000,
      population: 50_000,
      confidential: false,
    },
    actor,
    deps,
  );
  for (const id of ['pp-1', 'pp-2'])
    await createPickupPoint({ shelterId: 'bench-a', id, name: id }, actor, deps);
  await createItem(
    { id: 'rice', name: 'Rice', category: 'food', unit: 'kg', dailyNeedPerPerson: 0.45 },
    actor,
    deps,
  );
  await createItem(
    { id: 'water', name: 'Water', category: 'water', unit: 'L', dailyNeedPerPerson: 15 },
    actor,
    deps,
  );
  await createItem({ id: 'blanket', name: 'Blanket', category: 'bedding', unit: 'piece' }, actor, deps);
  const key = async (role: 'coordinator' | 'volunteer' | 'logistics') =>
    (
      await createApiKey(
        { role, orgId: 'bench-org', label: role, scope: { shelterIds: '*', pickupPointIds: '*' } },
        actor,
        deps,
      )
    ).apiKey;
  const keys = {
    coordinator: await key('coordinator'),
    volunteer: await key('volunteer'),
    logistics: await key('logistics'),
  };
  const logistics: Principal = {
    keyId: 'bench',
    role: 'logistics',
    orgId: 'bench-org',
    scope: { shelterIds: '*', pickupPointIds: '*' },
  };
  await recordReceipt(
    {
      shelterId: 'bench-a',
      source: 'bench',
      lines: [
        { itemId: 'rice', quantity: 1_000_000 },
        { itemId: 'water', quantity: 5_000_000 },
        { itemId: 'blanket', quantity: 500_000 },
      ],
    },
    logistics,
    { stores: deps.stores, now },
  );
  const serverEnv = { TABLE_NAME: 'bench', DYNAMODB_ENDPOINT: db.endpoint };
  const api = await startServerProcess(
    new URL('../serve-api.ts', import.meta.url),
    { ...serverEnv, SECRETS_JSON: JSON.stringify(secrets) },
    await findFreePort(),
  );
  const bare = await startServerProcess(
    new URL('../baseline/bare-redemption-server.ts', import.meta.url),
    serverEnv,
    await findFreePort(),
  );
  return {
    db,
    table,
    deps,
    secrets,
    api,
    baseUrl: api.url,
    bare,
    keys,
    coordinator: {
      keyId: 'bench',
      role: 'coordinator',
      orgId: 'bench-org',
      scope: { shelterIds: '*', pickupPointIds: '*' },
    },
    async close() {
      await Promise.all([api.stop(), bare.stop()]);
      client.destroy();
      await db.stop();
    },
  };
}
