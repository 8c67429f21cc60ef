// `npm run secrets:rotate -- --key-id k2 [--secret-arn <arn>]`
// Adds a new voucher signing key and makes it active. Old keys stay, so vouchers already printed
// keep verifying. On AWS, running API instances pick the new key up at their next cold start.
import { parseArgs } from 'node:util';
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { loadSecretsFromSecretsManager } from '../shared/config/load-secrets.js';
import { rotateSigningKey } from '../shared/config/secrets.js';
import { localDataFiles } from './lib/data-dir.js';
import { readLocalSecrets, writeLocalSecrets } from './lib/local-secrets.js';

async function main() {
  const { values } = parseArgs({
    options: { 'key-id': { type: 'string' }, 'secret-arn': { type: 'string' } },
  });
  const keyId = values['key-id'];
  if (keyId === undefined || !/^[A-Za-z0-9_-]{1,32}$/.test(keyId)) {
    throw new Error('usage: npm run secrets:rotate -- --key-id <new id, e.g. k2> [--secret-arn <arn>]');
  }
  const arn = values['secret-arn'];
  if (arn === undefined) {
    const file = localDataFiles().secrets;
    writeLocalSecrets(file, rotateSigningKey(readLocalSecrets(file), keyId));
    process.stdout.write(`local signing key "${keyId}" is now active (restart npm start to use it)\n`);
    return;
  }
  const client = new SecretsManagerClient({});
  const existing = await loadSecretsFromSecretsManager(arn, client);
  if (existing.voucherSigning.keys.some((key) => key.keyId === keyId))
    throw new Error(`key id "${keyId}" is already used`);
  await client.send(
    new PutSecretValueCommand({
      SecretId: arn,
      SecretString: JSON.stringify(rotateSigningKey(existing, keyId)),
    }),
  );
  process.stdout.write(
    `signing key "${keyId}" is now active in ${arn}; API instances use it from their next cold start\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`secrets:rotate: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
