// AWS Lambda entry for the scheduled voucher sweep: expires vouchers past validity, releasing stock.
import { loadRuntimeEnv } from '../shared/config/env.js';
import { createLogger } from '../shared/logging/logger.js';
import { createDocumentClient } from '../shared/store/dynamo-client.js';
import { createStores } from '../shared/store/stores.js';
import { sweepExpiredVouchers } from '../shared/usecases/sweep-expired-vouchers.js';

// The sweep needs neither signing keys nor the pseudonymisation secret: only the table.
const env = loadRuntimeEnv();
const stores = createStores(
  { doc: createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT }), tableName: env.TABLE_NAME },
  env.BENEFICIARY_RETENTION_DAYS * 86_400,
);
const logger = createLogger(env.LOG_LEVEL);

export async function handler() {
  return sweepExpiredVouchers({ maxVouchers: 5000 }, undefined, { stores, now: () => new Date(), logger });
}
