import { KeyCache } from '../auth/key-cache.js';
import type { RuntimeEnv } from '../config/env.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { createStores } from '../store/stores.js';
import type { TableContext } from '../store/table-context.js';
import type { AppDeps } from './app-env.js';

/** Wires the production dependencies from a validated environment. Called once per process. */
export function buildDeps(
  env: RuntimeEnv,
  overrides: { logger?: Logger; table?: TableContext } = {},
): AppDeps {
  const table = overrides.table ?? {
    doc: createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT }),
    tableName: env.TABLE_NAME,
  };
  return {
    stores: createStores(table),
    keyCache: new KeyCache(env.API_KEY_CACHE_SECONDS * 1000),
    logger: overrides.logger ?? createLogger(env.LOG_LEVEL),
    now: () => new Date(),
    maxBodyBytes: env.MAX_BODY_BYTES,
  };
}
