import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RuntimeEnv } from './env.js';
import { type AppSecrets, parseAppSecrets } from './secrets.js';

/**
 * Loads the secrets document once per process: inline (SECRETS_JSON, local and tests) or from
 * Secrets Manager (SECRETS_ARN, on AWS). A missing or malformed document stops the cold start
 * with a clear error rather than serving requests that cannot sign or pseudonymise.
 */
export async function loadSecrets(
  env: Pick<RuntimeEnv, 'SECRETS_JSON' | 'SECRETS_ARN'>,
  client?: Pick<SecretsManagerClient, 'send'>,
): Promise<AppSecrets> {
  if (env.SECRETS_JSON !== undefined) return parseAppSecrets(env.SECRETS_JSON);
  if (env.SECRETS_ARN === undefined) {
    throw new Error('No secrets configured: set SECRETS_ARN (or SECRETS_JSON locally).');
  }
  // Imported only when used: a process given its secrets inline never pays for this client.
  const sdk = await import('@aws-sdk/client-secrets-manager');
  const secrets = client ?? new sdk.SecretsManagerClient({});
  const result = await secrets.send(new sdk.GetSecretValueCommand({ SecretId: env.SECRETS_ARN }));
  if (result.SecretString === undefined) throw new Error('The secrets document is empty.');
  return parseAppSecrets(result.SecretString);
}
