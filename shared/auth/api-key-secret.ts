import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `slk_<keyId>_<secret>`. The key id is not secret (it appears in logs and
 * audit fields); the secret is 32 random bytes and only its SHA-256 is stored. A fast hash is
 * enough here: with 256 bits of entropy there is nothing for a slow hash to protect against.
 */
const PREFIX = 'slk';
const keyIdPattern = /^[a-z0-9]{16}$/;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedSecret {
  keyId: string;
  apiKey: string;
  secretHash: string;
}

export function newKeyId(): string {
  // 16 chars of base36 from 80 random bits: short enough to read in a log line.
  return BigInt(`0x${randomBytes(10).toString('hex')}`)
    .toString(36)
    .padStart(16, '0')
    .slice(-16);
}

export function issueSecret(keyId: string = newKeyId()): IssuedSecret {
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `${PREFIX}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Splits a presented key into id and secret, or undefined if it is not shaped like one of ours. */
export function parseApiKey(presented: string): { keyId: string; secret: string } | undefined {
  const [prefix, keyId, ...rest] = presented.split('_');
  const secret = rest.join('_');
  if (prefix !== PREFIX || keyId === undefined || !keyIdPattern.test(keyId) || !secretPattern.test(secret)) {
    return undefined;
  }
  return { keyId, secret };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
