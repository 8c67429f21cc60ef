import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type KmsDataKeyApi, kmsDataKeys, SEALING_CONTEXT } from '../../shared/auth/kms-data-keys.js';
import { localDataKeys, newLocalSealingKey } from '../../shared/auth/local-data-keys.js';
import { type DataKeySource, EnvelopeSealer } from '../../shared/auth/secret-sealer.js';

/** A key source that counts its calls. */
function counted(source: DataKeySource) {
  const calls = { generate: 0, unwrap: 0 };
  return {
    calls,
    source: {
      generate: () => {
        calls.generate++;
        return source.generate();
      },
      unwrap: (wrapped: Buffer) => {
        calls.unwrap++;
        return source.unwrap(wrapped);
      },
    } satisfies DataKeySource,
  };
}

/**
 * KMS as far as these calls go: a key of its own, and a wrapped key that opens only under the
 * key id and the encryption context it was made with (as KMS refuses with InvalidCiphertext).
 */
function fakeKms(keyArn: string): KmsDataKeyApi & { calls: string[] } {
  const master = randomBytes(32);
  const aad = (keyId: string, context: Record<string, string>) =>
    Buffer.from(JSON.stringify([keyId, Object.entries(context).sort()]));
  const calls: string[] = [];
  return {
    calls,
    async generateDataKey({ KeyId, EncryptionContext }) {
      calls.push('GenerateDataKey');
      if (KeyId !== keyArn) throw new Error('NotFoundException');
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv);
      cipher.setAAD(aad(KeyId, EncryptionContext));
      const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { Plaintext: plaintext, CiphertextBlob: Buffer.concat([iv, data, cipher.getAuthTag()]) };
    },
    async decrypt({ KeyId, CiphertextBlob, EncryptionContext }) {
      calls.push('Decrypt');
      if (KeyId !== keyArn) throw new Error('IncorrectKeyException');
      const blob = Buffer.from(CiphertextBlob);
      const decipher = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12));
      decipher.setAAD(aad(KeyId, EncryptionContext));
      decipher.setAuthTag(blob.subarray(44));
      try {
        return { Plaintext: Buffer.concat([decipher.update(blob.subarray(12, 44)), decipher.final()]) };
      } catch {
        throw new Error('InvalidCiphertextException');
      }
    },
  };
}

describe('sealing secrets at rest (envelope encryption)', () => {
  it('opens what it sealed, under the same context only', async () => {
    const sealer = new EnvelopeSealer(localDataKeys(newLocalSealingKey()));
    const sealed = await sealer.seal('whsec_abc', 'webhook signing secret\nwhk_1');

    expect(sealed).toMatch(/^sl1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('whsec_abc');
    await expect(sealer.open(sealed, 'webhook signing secret\nwhk_1')).resolves.toBe('whsec_abc');
    await expect(sealer.open(sealed, 'webhook signing secret\nwhk_2')).rejects.toThrow();
  });

  it('refuses a sealed value that was altered, or sealed under another master key', async () => {
    const sealer = new EnvelopeSealer(localDataKeys(newLocalSealingKey()));
    const other = new EnvelopeSealer(localDataKeys(newLocalSealingKey()));
    const sealed = await sealer.seal('secret', 'ctx');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    const altered = [...parts.slice(0, 3), data.toString('base64url'), parts[4]].join('.');

    await expect(sealer.open(altered, 'ctx')).rejects.toThrow();
    await expect(other.open(sealed, 'ctx')).rejects.toThrow();
    await expect(sealer.open('whsec_in_clear', 'ctx')).rejects.toThrow(/not a sealed secret/);
  });

  it('asks for one data key per instance, a new one after 12 hours, and still opens the old seals', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const keys = counted(localDataKeys(newLocalSealingKey()));
    const sealer = new EnvelopeSealer(keys.source, () => now);
    const early = await Promise.all(Array.from({ length: 50 }, (_, i) => sealer.seal(`s${i}`, 'ctx')));
    now += 13 * 3_600_000;
    const late = await sealer.seal('late', 'ctx');

    expect(keys.calls.generate).toBe(2);
    expect(late.split('.')[1]).not.toBe(early[0]?.split('.')[1]);
    await expect(sealer.open(early[7] ?? '', 'ctx')).resolves.toBe('s7');
    expect(keys.calls.unwrap).toBe(0);
  });

  it('lets another instance open a seal, unwrapping each data key once', async () => {
    const master = newLocalSealingKey();
    const first = new EnvelopeSealer(localDataKeys(master));
    const second = counted(localDataKeys(master));
    const other = new EnvelopeSealer(second.source);
    const sealed = await Promise.all(['a', 'b', 'c'].map((secret) => first.seal(secret, 'ctx')));

    const opened = [];
    for (const value of sealed) opened.push(await other.open(value, 'ctx'));

    expect(opened).toEqual(['a', 'b', 'c']);
    expect(second.calls.unwrap).toBe(1);
  });

  describe('under KMS', () => {
    const keyArn = 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    it('wraps data keys with the stack key and the sealing context, one GenerateDataKey per instance', async () => {
      const kms = fakeKms(keyArn);
      const api: KmsDataKeyApi = {
        generateDataKey: (input) => {
          expect(input).toEqual({
            KeyId: keyArn,
            KeySpec: 'AES_256',
            EncryptionContext: { ...SEALING_CONTEXT },
          });
          return kms.generateDataKey(input);
        },
        decrypt: (input) => kms.decrypt(input),
      };
      const sealer = new EnvelopeSealer(kmsDataKeys(api, keyArn));
      const sealed = await Promise.all(['x', 'y'].map((secret) => sealer.seal(secret, 'ctx')));
      const elsewhere = new EnvelopeSealer(kmsDataKeys(kms, keyArn));

      expect(await elsewhere.open(sealed[1] ?? '', 'ctx')).toBe('y');
      expect(kms.calls).toEqual(['GenerateDataKey', 'Decrypt']);
    });

    it('does not open a data key wrapped under another KMS key', async () => {
      const kms = fakeKms(keyArn);
      const sealed = await new EnvelopeSealer(kmsDataKeys(kms, keyArn)).seal('x', 'ctx');
      const wrongKey = new EnvelopeSealer(kmsDataKeys(kms, `${keyArn}-other`));

      await expect(wrongKey.open(sealed, 'ctx')).rejects.toThrow(/IncorrectKey/);
    });

    it('asks KMS again after a failed call instead of keeping the failure', async () => {
      const kms = fakeKms(keyArn);
      let failures = 1;
      const flaky: KmsDataKeyApi = {
        generateDataKey: async (input) => {
          if (failures-- > 0) throw new Error('ThrottlingException');
          return kms.generateDataKey(input);
        },
        decrypt: (input) => kms.decrypt(input),
      };
      const sealer = new EnvelopeSealer(kmsDataKeys(flaky, keyArn));

      await expect(sealer.seal('x', 'ctx')).rejects.toThrow(/Throttling/);
      await expect(sealer.seal('x', 'ctx')).resolves.toMatch(/^sl1\./);
    });
  });
});
