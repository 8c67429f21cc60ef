import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../scripts/lib/ensure-table.js';
import { newLocalSealingKey } from '../../shared/auth/local-data-keys.js';
import { composeAppDeps, localSealer } from '../../shared/composition-root.js';
import { apiEnvSchema, loadEnv } from '../../shared/config/env.js';
import { type AppSecrets, generateAppSecrets } from '../../shared/config/secrets.js';
import type { CreateApiKeyInput, KeyScope, Role } from '../../shared/domain/api-key.js';
import { createApp } from '../../shared/http/app.js';
import type { AppDeps } from '../../shared/http/app-env.js';
import { createLogger } from '../../shared/logging/logger.js';
import { createDocumentClient } from '../../shared/store/dynamo-client.js';
import type { TableContext } from '../../shared/store/table-context.js';
import { createApiKey } from '../../shared/usecases/create-api-key.js';
import { createOrganization } from '../../shared/usecases/create-organization.js';

/** One set of secrets per test file: every app in the file signs and verifies alike. */
export const testSecrets = generateAppSecrets('test-k1');

/** One sealing key per test file, in memory: the app and the dispatcher of a file open each other's seals. */
export const testSealer = localSealer(newLocalSealingKey());

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
  /** A key of `role`; for every role but admin its scope is `"*"` unless `scope` narrows it. */
  createKey(role: Role, orgId: string, scope?: Partial<KeyScope>): Promise<string>;
  /** A key exactly as asked for, through the same use case as POST /v1/api-keys. */
  issueKey(input: Omit<CreateApiKeyInput, 'label'>): Promise<string>;
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
  const env = loadEnv(apiEnvSchema, {
    TABLE_NAME: table.tableName,
    // Tests receive webhooks on this machine, as `npm start` lets a partner do.
    WEBHOOK_URL_POLICY: 'local-development',
    ...options.env,
  });
  const deps: AppDeps = {
    ...composeAppDeps(env, {
      logger,
      table,
      secrets: options.secrets ?? testSecrets,
      sealer: testSealer,
    }),
    ...options.deps,
  };
  const app = createApp(deps);
  const now = () => new Date();
  const issueKey: TestApp['issueKey'] = async (input) => {
    const { apiKey } = await createApiKey(
      { label: `test ${input.role}`, ...input },
      { keyId: 'test' },
      { stores: deps.stores, now },
    );
    return apiKey;
  };
  return {
    app,
    deps,
    table,
    logs,
    rawLogs,
    async createOrg(id) {
      await createOrganization({ id, name: `Org ${id}` }, { keyId: 'test' }, { stores: deps.stores, now });
    },
    issueKey,
    async createKey(role, orgId, scope = {}) {
      // A test key reaches everything unless the test narrows it: an explicit "*", as an admin
      // would have to write it. Admin keys take no scope.
      const all = { shelterIds: '*' as const, pickupPointIds: '*' as const };
      return issueKey({ role, orgId, ...(role === 'admin' ? {} : { scope: { ...all, ...scope } }) });
    },
  };
}

/** A fresh app and the world `build` makes in it: what the tests of one file share. */
export async function appWith<W>(build: (t: TestApp) => Promise<W>): Promise<{ t: TestApp; world: W }> {
  const t = await createTestApp();
  return { t, world: await build(t) };
}
