import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
