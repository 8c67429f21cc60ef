import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as initializeSecrets } from '../../functions/secrets-initializer.js';
import { loadSecrets } from '../../shared/config/load-secrets.js';
import {
  appSecretsSchema,
  generateAppSecrets,
  rotateSigningKey,
  voucherSecrets,
} from '../../shared/config/secrets.js';
import { signVoucherToken, verifyVoucherToken } from '../../shared/domain/voucher-token.js';

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
    const loaded = await loadSecrets(
      { SECRETS_ARN: arn, SECRETS_JSON: undefined },
      new SecretsManagerClient({}),
    );
    expect(loaded).toEqual(document);
  });

  it('refuses to start with no secrets, or a placeholder document', async () => {
    await expect(loadSecrets({ SECRETS_ARN: undefined, SECRETS_JSON: undefined })).rejects.toThrow(
      /No secrets configured/,
    );
    secretsManager
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"uninitialised":true,"placeholder":"x"}' });
    await expect(
      loadSecrets({ SECRETS_ARN: arn, SECRETS_JSON: undefined }, new SecretsManagerClient({})),
    ).rejects.toThrow(/Invalid secrets document/);
  });

  it('fills a placeholder secret with generated keys on first deploy, and never replaces valid keys', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"uninitialised":true,"placeholder":"x"}' });
    secretsManager.on(PutSecretValueCommand).resolves({});
    await initializeSecrets(
      { RequestType: 'Create', ResourceProperties: { SecretArn: arn } },
      new SecretsManagerClient({}),
    );
    const written = secretsManager.commandCalls(PutSecretValueCommand)[0]?.args[0].input.SecretString ?? '';
    expect(appSecretsSchema.safeParse(JSON.parse(written)).success).toBe(true);

    secretsManager.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(generateAppSecrets()) });
    await initializeSecrets(
      { RequestType: 'Update', ResourceProperties: { SecretArn: arn } },
      new SecretsManagerClient({}),
    );
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
