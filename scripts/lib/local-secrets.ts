import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newLocalSealingKey } from '../../shared/auth/local-data-keys.js';
import { type AppSecrets, generateAppSecrets, parseAppSecrets } from '../../shared/config/secrets.js';

/** The local secrets document, made on first use and kept beside the data it signed. */
export function readOrCreateLocalSecrets(file: string): AppSecrets {
  if (existsSync(file)) return readLocalSecrets(file);
  const secrets = generateAppSecrets('local-1');
  writeLocalSecrets(file, secrets);
  return secrets;
}

export function readLocalSecrets(file: string): AppSecrets {
  return parseAppSecrets(readFileSync(file, 'utf8'));
}

export function writeLocalSecrets(file: string, secrets: AppSecrets): void {
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

/** The local sealing key (32 bytes, base64url in the file), made on first use, readable by its owner only. */
export function readOrCreateSealingKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (key.length !== 32)
      throw new Error(`${file} does not hold a 32-byte key: restore it, or remove .data/ to start afresh.`);
    return key;
  }
  const key = newLocalSealingKey();
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
