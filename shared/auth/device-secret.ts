import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Device secrets. The server verifies the HMAC of every offline record, so unlike an API key
 * (kept as a hash) it must keep the secret itself. It is sealed with AES-256-GCM under a key
 * derived (HKDF-SHA256) from the app's secret document, so a copy of the table alone (a backup,
 * an export, a read-only role) holds no usable device secret. The derivation needs no new entry
 * in the secret document; its cost is that the sealing key changes with the pseudonymisation key,
 * which is never rotated (rotating it unlinks every stored pseudonym already).
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
