import { z } from 'zod';

/**
 * The one description of the runtime environment. The Lambda entry, the local server and the CDK
 * stack all use it: the runtime validates `process.env` against it at start-up, and `infra/` types
 * each function's `environment` with `RuntimeEnvironment`, so a missing variable is a compile error.
 */
export const runtimeEnvSchema = z.object({
  /** DynamoDB table holding every Supplyline record (single-table design). */
  TABLE_NAME: z.string().min(3),
  /** Optional endpoint override: DynamoDB Local in development and tests. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Seconds an authenticated API key stays cached in memory; also the revocation delay. */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** Largest accepted request body in bytes. Batch voucher issue sets the need. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024)
    .default(1024 * 1024),
  /** Days that beneficiary fields outlive a voucher's redemption, voiding or expiry. */
  BENEFICIARY_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
  /** The secrets document inline (local runs and tests); on AWS the stack sets SECRETS_ARN instead. */
  SECRETS_JSON: z.string().optional(),
  /** Secrets Manager secret holding the same document; read once per cold start. */
  SECRETS_ARN: z.string().startsWith('arn:').optional(),
  /** `silent` is for tests that capture log lines themselves. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

/** The variables a deployed function must be given, as strings: what CDK's `environment` takes. */
export type RuntimeEnvironment = { [K in keyof z.input<typeof runtimeEnvSchema>]: string };

export function loadRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const parsed = runtimeEnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join('; ')}`);
  }
  return parsed.data;
}
