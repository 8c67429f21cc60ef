import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { DataKeySource } from './secret-sealer.js';

/**
 * Data keys wrapped by a local master key (AES-256-GCM), where there is no KMS: `npm start`
 * (the key file `.data/sealing-key`, made on first start, beside the data it protects) and the
 * tests (a key in memory). A wrapped key is `iv | ciphertext | tag`.
 */
const WRAP_AAD = Buffer.from('supplyline data key v1', 'utf8');

export function localDataKeys(masterKey: Buffer): DataKeySource {
  if (masterKey.length !== 32) throw new Error('The local sealing key must be 32 bytes.');
  return {
    async generate() {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      cipher.setAAD(WRAP_AAD);
      const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: Buffer.concat([iv, data, cipher.getAuthTag()]) };
    },
    async unwrap(wrapped) {
      if (wrapped.length !== 12 + 32 + 16) throw new Error('not a data key wrapped by this key source');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12));
      decipher.setAAD(WRAP_AAD);
      decipher.setAuthTag(wrapped.subarray(44));
      return Buffer.concat([decipher.update(wrapped.subarray(12, 44)), decipher.final()]);
    },
  };
}

/** 32 random bytes for a new local master key. */
export function newLocalSealingKey(): Buffer {
  return randomBytes(32);
}

/**
 * The master key of a process given its secrets document inline (the Lambda entry's tests, the
 * cold-start benchmark; never deployed): derived from that document, so two such processes given
 * the same document open each other's sealed values, with no variable of its own.
 */
export function inlineSealingKey(documentSecret: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(documentSecret, 'utf8'),
      Buffer.alloc(0),
      'supplyline inline sealing v1',
      32,
    ),
  );
}
