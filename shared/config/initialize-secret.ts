import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { Logger } from '../logging/logger.js';
import { appSecretsSchema, generateAppSecrets } from './secrets.js';

/** What CloudFormation sends the secrets initializer (the fields it reads). */
export interface SecretCustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties: { SecretArn: string };
}

export interface SecretsInitializerDeps {
  secretsManager: Pick<SecretsManagerClient, 'send'>;
  logger: Logger;
}

function holdsValidDocument(secretString: string | undefined): boolean {
  try {
    return appSecretsSchema.safeParse(JSON.parse(secretString ?? '')).success;
  } catch {
    return false;
  }
}

/**
 * Fills the stack's secret with real keys on first deploy: Secrets Manager cannot generate
 * Ed25519 keys itself, and a deploy must not need a second step. Idempotent: a secret that
 * already holds a valid document (keys in use) is never replaced.
 */
export async function initializeSecret(event: SecretCustomResourceEvent, deps: SecretsInitializerDeps) {
  const secretArn = event.ResourceProperties.SecretArn;
  if (event.RequestType !== 'Delete') {
    const current = await deps.secretsManager.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (holdsValidDocument(current.SecretString)) {
      deps.logger.info('secrets document already valid; left as it is', { requestType: event.RequestType });
    } else {
      await deps.secretsManager.send(
        new PutSecretValueCommand({
          SecretId: secretArn,
          SecretString: JSON.stringify(generateAppSecrets('k1')),
        }),
      );
      deps.logger.info('secrets document generated', { requestType: event.RequestType });
    }
  }
  return { PhysicalResourceId: event.PhysicalResourceId ?? `secrets-initializer-${secretArn}` };
}
