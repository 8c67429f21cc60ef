import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretSealer } from './secret-sealer.js';

/**
 * Device secrets. The server verifies the HMAC of every offline record, so unlike an API key
 * (kept as a hash) it must keep the secret itself. Since issue 24 it is sealed as webhook signing
 * secrets are (secret-sealer.ts: envelope encryption under the KMS key on AWS), bound to the
 * device id, so a copy of the table alone (a backup, an export, a read-only role) holds no usable
 * device secret, and the key that protects it rotates, is audited and belongs to nothing else.
 *
 * Devices registered before were sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
 * the pseudonymisation key of the app's secret document, which is never rotated: such a secret
 * still opens with that key (`openDeviceSecret`), and the device's next sync seals it anew.
 */

const INFO = 'supplyline device secret sealing v1';

export function deriveDeviceSealKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(appSecret, 'utf8'), Buffer.alloc(0), INFO, 32));
}

/** 32 random bytes, base64url: what the device keeps and signs with. */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** `iv.ciphertext.tag`, each base64url; the device id is bound in as associated data. */
export function sealDeviceSecret(secret: string, deviceId: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(deviceId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(Buffer.from(secret, 'base64url')), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The secret's 32 bytes; throws if the sealed value was altered or moved to another device. */
export function openDeviceSecret(sealed: string, deviceId: string, key: Buffer): Buffer {
  const [iv, data, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (iv === undefined || data === undefined || tag === undefined) throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(deviceId, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** What a device secret is sealed to: moved to another device's record, it does not open. */
export function deviceSecretContext(deviceId: string): string {
  return `device secret\n${deviceId}`;
}

/** Seals a new device's secret for storage (the envelope sealer's `sl1.` form). */
export function sealNewDeviceSecret(secret: string, deviceId: string, sealer: SecretSealer): Promise<string> {
  return sealer.seal(secret, deviceSecretContext(deviceId));
}

/** Whether a stored device secret is in the form devices were sealed in before issue 24. */
export function isLegacySealedDeviceSecret(sealed: string): boolean {
  return !sealed.startsWith('sl1.');
}

/** The secret's 32 bytes, whichever way it was sealed; throws if it was altered or moved. */
export async function openStoredDeviceSecret(
  sealed: string,
  deviceId: string,
  keys: { sealer: SecretSealer; legacyKey: Buffer },
): Promise<Buffer> {
  if (isLegacySealedDeviceSecret(sealed)) return openDeviceSecret(sealed, deviceId, keys.legacyKey);
  return Buffer.from(await keys.sealer.open(sealed, deviceSecretContext(deviceId)), 'base64url');
}
