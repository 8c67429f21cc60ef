import { KeyCache } from '../auth/key-cache.js';
import type { RuntimeEnv } from '../config/env.js';
import { type AppSecrets, parseAppSecrets, voucherSecrets } from '../config/secrets.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { createStores } from '../store/stores.js';
import type { TableContext } from '../store/table-context.js';
import type { AppDeps } from './app-env.js';

/** Wires the production dependencies from a validated environment. Called once per process. */
export function buildDeps(
  env: RuntimeEnv,
  overrides: { logger?: Logger; table?: TableContext; secrets?: AppSecrets } = {},
): AppDeps {
  const secrets =
    overrides.secrets ?? (env.SECRETS_JSON === undefined ? undefined : parseAppSecrets(env.SECRETS_JSON));
  if (secrets === undefined)
    throw new Error('No secrets configured: set SECRETS_JSON (or SECRETS_ARN on AWS).');
  const table = overrides.table ?? {
    doc: createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT }),
    tableName: env.TABLE_NAME,
  };
  return {
    stores: createStores(table, env.BENEFICIARY_RETENTION_DAYS * 86_400),
    keyCache: new KeyCache(env.API_KEY_CACHE_SECONDS * 1000),
    logger: overrides.logger ?? createLogger(env.LOG_LEVEL),
    now: () => new Date(),
    maxBodyBytes: env.MAX_BODY_BYTES,
    secrets: voucherSecrets(secrets),
  };
}
