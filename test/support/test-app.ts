import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../scripts/lib/ensure-table.js';
import { composeAppDeps } from '../../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../../shared/config/env.js';
import { type AppSecrets, generateAppSecrets } from '../../shared/config/secrets.js';
import type { KeyScope, Role } from '../../shared/domain/api-key.js';
import { createApp } from '../../shared/http/app.js';
import type { AppDeps } from '../../shared/http/app-env.js';
import { createLogger } from '../../shared/logging/logger.js';
import { createDocumentClient } from '../../shared/store/dynamo-client.js';
import type { TableContext } from '../../shared/store/table-context.js';
import { createApiKey } from '../../shared/usecases/create-api-key.js';
import { createOrganization } from '../../shared/usecases/create-organization.js';

/** One set of secrets per test file: every app in the file signs and verifies alike. */
export const testSecrets = generateAppSecrets('test-k1');

export function localClient(endpoint = inject('dynamoEndpoint')): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** A fresh table in the shared DynamoDB Local, so test files never see each other's data. */
export async function freshTable(): Promise<TableContext & { endpoint: string }> {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(localClient(endpoint), tableName);
  return { doc: createDocumentClient({ endpoint }), tableName, endpoint };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  table: TableContext;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  rawLogs: string[];
  createKey(role: Role, orgId: string, scope?: Partial<KeyScope>): Promise<string>;
  createOrg(id: string): Promise<void>;
}

export async function createTestApp(
  options: {
    table?: TableContext;
    env?: Record<string, string>;
    deps?: Partial<AppDeps>;
    secrets?: AppSecrets;
  } = {},
): Promise<TestApp> {
  const table = options.table ?? (await freshTable());
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', (line) => {
    rawLogs.push(line);
    logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const env = loadEnv(apiEnvSchema, { TABLE_NAME: table.tableName, ...options.env });
  const deps: AppDeps = {
    ...composeAppDeps(env, { logger, table, secrets: options.secrets ?? testSecrets }),
    ...options.deps,
  };
  const app = createApp(deps);
  const now = () => new Date();
  return {
    app,
    deps,
    table,
    logs,
    rawLogs,
    async createOrg(id) {
      await createOrganization(
        { id, name: `Org ${id}` },
        { keyId: 'test' },
        { organizations: deps.stores.organizations, now },
      );
    },
    async createKey(role, orgId, scope = {}) {
      const { apiKey } = await createApiKey(
        { role, orgId, label: `test ${role}`, scope: { shelterIds: '*', pickupPointIds: '*', ...scope } },
        { keyId: 'test' },
        { apiKeys: deps.stores.apiKeys, organizations: deps.stores.organizations, now },
      );
      return apiKey;
    },
  };
}
