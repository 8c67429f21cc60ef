import { lookup } from 'node:dns/promises';
import { monotonicFactory } from 'ulid';
import { KeyCache } from './auth/key-cache.js';
import { lazyKmsDataKeys } from './auth/kms-data-keys.js';
import { inlineSealingKey, localDataKeys } from './auth/local-data-keys.js';
import { EnvelopeSealer, type SecretSealer } from './auth/secret-sealer.js';
import {
  type ApiEnv,
  apiFunctionEnvSchema,
  dispatcherEnvSchema,
  inlineSecretsApiEnvSchema,
  loadEnv,
  secretsInitializerEnvSchema,
  sweeperEnvSchema,
  type TableEnv,
} from './config/env.js';
import type { SecretsInitializerDeps } from './config/initialize-secret.js';
import { loadSecretsFromSecretsManager } from './config/load-secrets.js';
import { type AppSecrets, parseAppSecrets, voucherSecrets } from './config/secrets.js';
import type { WebhookUrlPolicy } from './domain/webhook-url.js';
import { type AlertPublisher, logAlertPublisher, snsAlertPublisher } from './events/alert-publisher.js';
import { logAlertRecipients, snsAlertRecipients } from './events/alert-recipients.js';
import { createWebhookSender } from './events/webhook-sender.js';
import type { AppDeps } from './http/app-env.js';
import { createLogger, type Logger } from './logging/logger.js';
import type { MetricsSink } from './metrics/metrics.js';
import { powertoolsMetricsSink } from './metrics/powertools-sink.js';
import { createDocumentClient } from './store/dynamo-client.js';
import { createStores, type Stores } from './store/stores.js';
import type { TableContext } from './store/table-context.js';
import type { DispatchDeps } from './usecases/dispatch-events.js';

/**
 * The composition root: the one place where an entry's parsed environment becomes the
 * dependencies it runs with. The API and sweeper functions, the secrets initializer, `npm start`
 * and the scripts that need stores all build their deps here; tests and benchmarks call
 * `composeAppDeps` with a table, logger and secrets of their own. Called once per process.
 */

/** One document client per process (module scope in the Lambda entries), never per request. */
export function openTable(env: Pick<TableEnv, 'TABLE_NAME' | 'DYNAMODB_ENDPOINT'>): TableContext {
  return { doc: createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT }), tableName: env.TABLE_NAME };
}

/** Every store over the table, for the scripts that need stores and nothing else (key:create). */
export function composeStores(env: TableEnv, table: TableContext = openTable(env)): Stores {
  return createStores(table, env.BENEFICIARY_RETENTION_DAYS * 86_400);
}

/** Where webhooks may go, checked against what their host resolves to, and the sender that goes there. */
function webhookDeps(urlPolicy: WebhookUrlPolicy): AppDeps['webhooks'] {
  const resolveHost = async (hostname: string) =>
    (await lookup(hostname, { all: true })).map((entry) => entry.address);
  return { urlPolicy, resolveHost, sender: createWebhookSender(urlPolicy) };
}

/**
 * Metrics as embedded metric format lines (made by Powertools' Metrics) through the entry's
 * logger: in the same log as its other lines (and silent with it), under the entry's `service`.
 */
function metricsThrough(logger: Logger, service: string): MetricsSink {
  return powertoolsMetricsSink({ service, writeLine: (line) => logger.writeLine(line), logger });
}

/** Sealing under the deployed KMS key; the KMS client is loaded on the first seal or open. */
export function kmsSealer(keyArn: string): SecretSealer {
  return new EnvelopeSealer(lazyKmsDataKeys(keyArn));
}

/** Sealing under a local master key (`npm start`'s key file, a test's key in memory). */
export function localSealer(masterKey: Buffer): SecretSealer {
  return new EnvelopeSealer(localDataKeys(masterKey));
}

/** The HTTP app's deps, when the caller holds the secrets and the sealer (npm start, tests, benchmarks). */
export function composeAppDeps(
  env: ApiEnv,
  parts: { secrets: AppSecrets; sealer: SecretSealer; table?: TableContext; logger?: Logger },
): AppDeps {
  const logger = parts.logger ?? createLogger(env.LOG_LEVEL);
  return {
    stores: composeStores(env, parts.table),
    keyCache: new KeyCache(env.API_KEY_CACHE_SECONDS * 1000),
    logger,
    metrics: metricsThrough(logger, env.METRICS_SERVICE),
    now: () => new Date(),
    maxBodyBytes: env.MAX_BODY_BYTES,
    limits: { checkReferencesPerHour: env.BENEFICIARY_CHECK_REFS_PER_HOUR },
    secrets: voucherSecrets(parts.secrets),
    sealer: parts.sealer,
    webhooks: webhookDeps(env.WEBHOOK_URL_POLICY),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    invitationAcceptsPerMinute: env.INVITATION_ACCEPTS_PER_MINUTE,
    alertRecipients:
      env.ALERT_TOPIC_ARN === undefined ? logAlertRecipients : snsAlertRecipients(env.ALERT_TOPIC_ARN),
  };
}

/**
 * The API function's deps from its environment: the secrets from Secrets Manager, as deployed,
 * or inline when the same entry runs off AWS (its tests, the cold-start benchmark).
 */
export async function composeApi(source: NodeJS.ProcessEnv = process.env): Promise<AppDeps> {
  if (source.SECRETS_JSON !== undefined) {
    const env = loadEnv(inlineSecretsApiEnvSchema, source);
    const secrets = parseAppSecrets(env.SECRETS_JSON);
    return composeAppDeps(env, {
      secrets,
      sealer: localSealer(inlineSealingKey(secrets.beneficiaryHashKey)),
    });
  }
  const env = loadEnv(apiFunctionEnvSchema, source);
  return composeAppDeps(env, {
    secrets: await loadSecretsFromSecretsManager(env.SECRETS_ARN),
    sealer: kmsSealer(env.SEALING_KEY_ARN),
  });
}

export interface SweeperDeps {
  stores: Stores;
  now: () => Date;
  logger: Logger;
}

/** The sweeper function's deps (also `npm run sweep`): the table only. */
export function composeSweeper(source: NodeJS.ProcessEnv = process.env): SweeperDeps {
  const env = loadEnv(sweeperEnvSchema, source);
  return { stores: composeStores(env), now: () => new Date(), logger: createLogger(env.LOG_LEVEL) };
}

/**
 * The dispatcher's deps (the table's stream) and the webhook retry schedule's: stores, the
 * sender bound to where webhooks may go, and feed positions from a monotonic ULID factory.
 */
export function composeDispatcherDeps(parts: {
  stores: Stores;
  urlPolicy: WebhookUrlPolicy;
  logger: Logger;
  /** The metrics' `service` dimension: the stack's name when deployed; `local` by default. */
  metricsService?: string;
  /** Opens the webhook signing secrets it signs deliveries with: the API's sealer. */
  sealer: SecretSealer;
  now?: () => Date;
  /** Stock-alert digests: SNS on AWS; logged when not given (`npm start`, tests). */
  publishAlert?: AlertPublisher;
}): DispatchDeps {
  const now = parts.now ?? (() => new Date());
  const nextUlid = monotonicFactory();
  return {
    stores: parts.stores,
    sender: createWebhookSender(parts.urlPolicy),
    sealer: parts.sealer,
    now,
    logger: parts.logger,
    metrics: metricsThrough(parts.logger, parts.metricsService ?? 'local'),
    publishAlert: parts.publishAlert ?? logAlertPublisher(parts.logger),
    nextSeq: () => nextUlid(now().getTime()),
  };
}

/** The dispatcher and retry functions' deps from their environment. */
export function composeDispatcher(source: NodeJS.ProcessEnv = process.env): DispatchDeps {
  const env = loadEnv(dispatcherEnvSchema, source);
  const logger = createLogger(env.LOG_LEVEL);
  return composeDispatcherDeps({
    stores: composeStores(env),
    urlPolicy: env.WEBHOOK_URL_POLICY,
    logger,
    metricsService: env.METRICS_SERVICE,
    sealer: kmsSealer(env.SEALING_KEY_ARN),
    publishAlert:
      env.ALERT_TOPIC_ARN === undefined ? logAlertPublisher(logger) : snsAlertPublisher(env.ALERT_TOPIC_ARN),
  });
}

/** The secrets initializer's deps: a Secrets Manager client and a logger. */
export async function composeSecretsInitializer(
  source: NodeJS.ProcessEnv = process.env,
): Promise<SecretsInitializerDeps> {
  const env = loadEnv(secretsInitializerEnvSchema, source);
  // Imported here, not at the top: the API and sweeper bundles never load this client for it.
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return { secretsManager: new SecretsManagerClient({}), logger: createLogger(env.LOG_LEVEL) };
}
