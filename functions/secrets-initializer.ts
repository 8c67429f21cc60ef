// CloudFormation custom resource: fills the stack's secret with real keys on first deploy.
// Secrets Manager cannot generate Ed25519 keys itself, and a deploy must not need a second step.
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { appSecretsSchema, generateAppSecrets } from '../shared/config/secrets.js';

const client = new SecretsManagerClient({});

interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties: { SecretArn: string };
}

/** Idempotent: a secret that already holds a valid document (keys in use) is never replaced. */
export async function handler(
  event: CustomResourceEvent,
  secrets: Pick<SecretsManagerClient, 'send'> = client,
) {
  const secretArn = event.ResourceProperties.SecretArn;
  if (event.RequestType !== 'Delete') {
    const current = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
    let valid = false;
    try {
      valid = appSecretsSchema.safeParse(JSON.parse(current.SecretString ?? '')).success;
    } catch {
      valid = false;
    }
    if (!valid) {
      await secrets.send(
        new PutSecretValueCommand({
          SecretId: secretArn,
          SecretString: JSON.stringify(generateAppSecrets('k1')),
        }),
      );
    }
  }
  return { PhysicalResourceId: event.PhysicalResourceId ?? `secrets-initializer-${secretArn}` };
}
