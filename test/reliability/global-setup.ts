import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.js';
// For its declaration of `inject('dynamoEndpoint')`, which the tests share with the main suite.
import '../support/global-setup.js';

/**
 * The main suite's global setup, for a suite of two projects run one after the other (every part,
 * then the suite-wide log check). Vitest calls each project's global setup in this one process;
 * both share one in-memory DynamoDB Local, started by the first call and stopped by the last teardown.
 */
const shared = globalThis as { reliabilityDb?: Promise<DynamoDbLocal>; reliabilityUsers?: number };

export async function setup(project: TestProject) {
  shared.reliabilityDb ??= startDynamoDbLocal();
  shared.reliabilityUsers = (shared.reliabilityUsers ?? 0) + 1;
  project.provide('dynamoEndpoint', (await shared.reliabilityDb).endpoint);
}

export async function teardown() {
  shared.reliabilityUsers = (shared.reliabilityUsers ?? 1) - 1;
  if (shared.reliabilityUsers > 0 || shared.reliabilityDb === undefined) return;
  const db = shared.reliabilityDb;
  shared.reliabilityDb = undefined;
  await (await db).stop();
  // The log lines the suite saved for its privacy check hold test secrets: leave nothing behind.
  const logs = process.env.RELIABILITY_LOG_DIR;
  if (logs !== undefined && logs !== '') rmSync(logs, { recursive: true, force: true });
}
