import { z } from 'zod';

/**
 * Each entry's environment: one zod schema per function, all extending one base. An entry
 * validates `process.env` with its own schema at start-up (see shared/composition-root.ts), and
 * `infra/` types each CDK function's `environment` with `DeployedEnvironment<its schema>`: a
 * variable the function requires and is not given is a compile error there, and so is one the
 * function never reads.
 */

/** What every function reads. */
export const baseEnvSchema = z.object({
  /** `silent` is for tests that capture log lines themselves. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** Functions and scripts that work on the table. */
export const tableEnvSchema = baseEnvSchema.extend({
  /** DynamoDB table holding every Supplyline record (single-table design). */
  TABLE_NAME: z.string().min(3),
  /** Optional endpoint override: DynamoDB Local in development and tests. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Days that beneficiary fields outlive a voucher's redemption, voiding or expiry. */
  BENEFICIARY_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
});

/** The scheduled sweep: the table only, neither signing keys nor the pseudonymisation secret. */
export const sweeperEnvSchema = tableEnvSchema;

/**
 * Where webhooks may go: `public-https` (deployed: https to public addresses only) or
 * `local-development` (`npm start`, tests: http://localhost too).
 */
const webhookUrlPolicy = z.enum(['public-https', 'local-development']).default('public-https');

/**
 * The `service` dimension of every metric the function emits (shared/metrics/catalogue.ts): the
 * stack's name when deployed, so two stacks in one account keep their metrics apart.
 */
const metricsService = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,128}$/, 'letters, digits, ".", "_" or "-", up to 128')
  .default('local');

/**
 * The event dispatcher (the table's stream) and the webhook retry schedule: the table, where
 * webhooks may go, and the SNS topic stock alerts are published to (none: alerts are logged).
 */
export const dispatcherEnvSchema = tableEnvSchema.extend({
  WEBHOOK_URL_POLICY: webhookUrlPolicy,
  ALERT_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  METRICS_SERVICE: metricsService,
  /** The KMS key that wraps the data keys webhook signing secrets are sealed with. */
  SEALING_KEY_ARN: z.string().startsWith('arn:'),
});

/** The HTTP API's settings wherever it runs. Where its secrets come from is the entry's business. */
export const apiEnvSchema = tableEnvSchema.extend({
  WEBHOOK_URL_POLICY: webhookUrlPolicy,
  METRICS_SERVICE: metricsService,
  /**
   * The stock-alert topic, whose subscriptions the API lists (who the digests reach); none: the
   * digests are logged, and the API says so.
   */
  ALERT_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  /** Seconds an authenticated API key stays cached in memory; also the revocation delay. */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /**
   * Beneficiary references one key may check ("served before?") per clock hour, counted in the
   * table across instances; past it, 429 with Retry-After.
   */
  BENEFICIARY_CHECK_REFS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(2_000),
  /**
   * Where the pages are served, for invitation links; unset, the origin of the request that
   * creates the invitation (right for `npm start` and for the API's own URL on AWS).
   */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Invitation codes tried per source address per minute (a shelter's staff may share one network). */
  INVITATION_ACCEPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(30),
  /** Largest accepted request body in bytes. Batch voucher issue sets the need. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024)
    .default(1024 * 1024),
});

/** The API function as deployed: its secrets document is in Secrets Manager, read once per cold start. */
export const apiFunctionEnvSchema = apiEnvSchema.extend({
  SECRETS_ARN: z.string().startsWith('arn:'),
  /** The KMS key that wraps the data keys the API seals secrets with (shared/auth/secret-sealer.ts). */
  SEALING_KEY_ARN: z.string().startsWith('arn:'),
});

/**
 * The API function's entry run off AWS (the Lambda entry's tests, the cold-start benchmark): the
 * secrets document inline. Never deployed: infra types the function with `apiFunctionEnvSchema`.
 */
export const inlineSecretsApiEnvSchema = apiEnvSchema.extend({
  SECRETS_JSON: z.string().min(1),
});

/** The custom resource that fills the secret: the secret's ARN comes in its event, not its environment. */
export const secretsInitializerEnvSchema = baseEnvSchema;

export type TableEnv = z.infer<typeof tableEnvSchema>;
export type SweeperEnv = z.infer<typeof sweeperEnvSchema>;
export type DispatcherEnv = z.infer<typeof dispatcherEnvSchema>;
export type ApiEnv = z.infer<typeof apiEnvSchema>;
export type SecretsInitializerEnv = z.infer<typeof secretsInitializerEnvSchema>;

/**
 * A function's variables as CDK's `environment` takes them: strings, required exactly where the
 * schema requires them, and no name the schema does not declare.
 */
export type DeployedEnvironment<S extends z.ZodObject> = { [K in keyof z.input<S>]: string };

export function loadEnv<S extends z.ZodObject>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join('; ')}`);
  }
  return parsed.data;
}
