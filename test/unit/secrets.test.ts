import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeApi } from '../../shared/composition-root.js';
import { loadSecretsFromSecretsManager } from '../../shared/config/load-secrets.js';
import {
  appSecretsSchema,
  generateAppSecrets,
  rotateSigningKey,
  voucherSecrets,
} from '../../shared/config/secrets.js';
import { signVoucherToken, verifyVoucherToken } from '../../shared/domain/voucher-token.js';
import { lambdaContext } from '../support/lambda-events.js';

/** The initializer entry as the Lambda runtime loads it: its deps from the environment at import. */
async function secretsInitializerEntry() {
  vi.stubEnv('LOG_LEVEL', 'silent');
  const { handler } = await import('../../functions/secrets-initializer.js');
  vi.unstubAllEnvs();
  return handler as (event: unknown, context: unknown) => Promise<{ PhysicalResourceId: string }>;
}

// Secrets Manager cannot run locally: these are the faults and answers we inject.
const secretsManager = mockClient(SecretsManagerClient);
const arn = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:supplyline-abc';

describe('secrets', () => {
  afterEach(() => secretsManager.reset());

  it('loads the document from Secrets Manager when given an ARN', async () => {
    const document = generateAppSecrets();
    secretsManager
      .on(GetSecretValueCommand, { SecretId: arn })
      .resolves({ SecretString: JSON.stringify(document) });
    const loaded = await loadSecretsFromSecretsManager(arn, new SecretsManagerClient({}));
    expect(loaded).toEqual(document);
  });

  it('keeps the API function from starting without its secret and sealing key ARNs, or on a placeholder document', async () => {
    const sealingKey = 'arn:aws:kms:ap-southeast-1:111122223333:key/test';
    await expect(composeApi({ TABLE_NAME: 'supplyline', SEALING_KEY_ARN: sealingKey })).rejects.toThrow(
      /SECRETS_ARN/,
    );
    await expect(composeApi({ TABLE_NAME: 'supplyline', SECRETS_ARN: arn })).rejects.toThrow(
      /SEALING_KEY_ARN/,
    );
    secretsManager
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"uninitialised":true,"placeholder":"x"}' });
    await expect(
      composeApi({ TABLE_NAME: 'supplyline', SECRETS_ARN: arn, SEALING_KEY_ARN: sealingKey }),
    ).rejects.toThrow(/Invalid secrets document/);
  });

  it('fills a placeholder secret with generated keys on first deploy, and never replaces valid keys', async () => {
    const handler = await secretsInitializerEntry();
    secretsManager
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"uninitialised":true,"placeholder":"x"}' });
    secretsManager.on(PutSecretValueCommand).resolves({});
    // Called as the Lambda runtime calls it: the event, then the invocation context.
    await handler({ RequestType: 'Create', ResourceProperties: { SecretArn: arn } }, lambdaContext);
    const written = secretsManager.commandCalls(PutSecretValueCommand)[0]?.args[0].input.SecretString ?? '';
    expect(appSecretsSchema.safeParse(JSON.parse(written)).success).toBe(true);

    secretsManager.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(generateAppSecrets()) });
    await handler({ RequestType: 'Update', ResourceProperties: { SecretArn: arn } }, lambdaContext);
    expect(secretsManager.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it('rotates by adding a key: old tokens still verify, new ones use the new key', () => {
    const before = generateAppSecrets('k1');
    const after = rotateSigningKey(before, 'k2');
    const oldToken = signVoucherToken(
      { voucherId: '01KB0000000000000000000000', expiresAt: new Date('2027-01-01') },
      voucherSecrets(before).keyRing,
    );
    const ring = voucherSecrets(after).keyRing;
    expect(verifyVoucherToken(oldToken, ring)).toMatchObject({ ok: true, claims: { keyId: 'k1' } });
    const newToken = signVoucherToken(
      { voucherId: '01KB0000000000000000000000', expiresAt: new Date('2027-01-01') },
      ring,
    );
    expect(verifyVoucherToken(newToken, ring)).toMatchObject({ ok: true, claims: { keyId: 'k2' } });
    expect(ring.jwks().map((k) => k.kid)).toEqual(['k1', 'k2']);
  });
});
