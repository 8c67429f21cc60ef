import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type AppSecrets, parseAppSecrets } from './secrets.js';

/**
 * Reads the secrets document from Secrets Manager, once per cold start. A missing or malformed
 * document stops the cold start with a clear error rather than serving requests that cannot
 * sign or pseudonymise.
 */
export async function loadSecretsFromSecretsManager(
  secretArn: string,
  client?: Pick<SecretsManagerClient, 'send'>,
): Promise<AppSecrets> {
  // Imported only when used: a process given its secrets inline never pays for this client.
  const sdk = await import('@aws-sdk/client-secrets-manager');
  const secrets = client ?? new sdk.SecretsManagerClient({});
  const result = await secrets.send(new sdk.GetSecretValueCommand({ SecretId: secretArn }));
  if (result.SecretString === undefined) throw new Error('The secrets document is empty.');
  return parseAppSecrets(result.SecretString);
}
