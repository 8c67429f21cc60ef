// `npm run secrets:rotate -- --key-id k2 [--secret-arn <arn>]`
// Adds a new voucher signing key and makes it active. Old keys stay, so vouchers already printed
// keep verifying. On AWS, running API instances pick the new key up at their next cold start.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { parseAppSecrets, rotateSigningKey } from '../shared/config/secrets.js';

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
    const file = join(process.env.SUPPLYLINE_DATA_DIR ?? '.data', 'secrets.json');
    const rotated = rotateSigningKey(parseAppSecrets(readFileSync(file, 'utf8')), keyId);
    writeFileSync(file, `${JSON.stringify(rotated, null, 2)}\n`, { mode: 0o600 });
    process.stdout.write(`local signing key "${keyId}" is now active (restart npm start to use it)\n`);
    return;
  }
  const client = new SecretsManagerClient({});
  const current = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  const existing = parseAppSecrets(current.SecretString ?? '');
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
