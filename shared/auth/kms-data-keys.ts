import type { DataKeySource } from './secret-sealer.js';

/**
 * Data keys from AWS KMS: `GenerateDataKey` (AES-256) under the stack's sealing key, `Decrypt` to
 * unwrap, both with the same encryption context, which KMS binds into the wrapped key and writes
 * to CloudTrail with every use. The envelope sealer asks for one data key per instance (and per
 * 12 hours), so KMS is called per cold start, not per secret.
 */
export interface KmsDataKeyApi {
  generateDataKey(input: {
    KeyId: string;
    KeySpec: 'AES_256';
    EncryptionContext: Record<string, string>;
  }): Promise<{ Plaintext?: Uint8Array | undefined; CiphertextBlob?: Uint8Array | undefined }>;
  decrypt(input: {
    KeyId: string;
    CiphertextBlob: Uint8Array;
    EncryptionContext: Record<string, string>;
  }): Promise<{ Plaintext?: Uint8Array | undefined }>;
}

/** Names what the data keys are for; a wrapped key presented with another context does not open. */
export const SEALING_CONTEXT = { app: 'supplyline', purpose: 'secret-sealing' } as const;

export function kmsDataKeys(api: KmsDataKeyApi, keyArn: string): DataKeySource {
  return {
    async generate() {
      const result = await api.generateDataKey({
        KeyId: keyArn,
        KeySpec: 'AES_256',
        EncryptionContext: { ...SEALING_CONTEXT },
      });
      if (result.Plaintext === undefined || result.CiphertextBlob === undefined)
        throw new Error('KMS GenerateDataKey answered without a key');
      return { plaintext: Buffer.from(result.Plaintext), wrapped: Buffer.from(result.CiphertextBlob) };
    },
    async unwrap(wrapped) {
      // KeyId pins the key: a wrapped key made under any other KMS key is refused, not tried.
      const result = await api.decrypt({
        KeyId: keyArn,
        CiphertextBlob: wrapped,
        EncryptionContext: { ...SEALING_CONTEXT },
      });
      if (result.Plaintext === undefined) throw new Error('KMS Decrypt answered without a key');
      return Buffer.from(result.Plaintext);
    },
  };
}

/**
 * The KMS client of the AWS SDK v3 (`@aws-sdk/client-kms`, left to the Lambda runtime's SDK by the
 * build as every `@aws-sdk/*` package is). Loaded on first use, so a process that never seals
 * pays nothing for it.
 */
export async function sdkKmsApi(): Promise<KmsDataKeyApi> {
  const { KMSClient, GenerateDataKeyCommand, DecryptCommand } = await import('@aws-sdk/client-kms');
  const client = new KMSClient({});
  return {
    generateDataKey: (input) => client.send(new GenerateDataKeyCommand(input)),
    decrypt: (input) => client.send(new DecryptCommand(input)),
  };
}

/** KMS data keys with the client loaded on the first call (the entry's cold start stays as it was). */
export function lazyKmsDataKeys(
  keyArn: string,
  load: () => Promise<KmsDataKeyApi> = sdkKmsApi,
): DataKeySource {
  let api: Promise<KmsDataKeyApi> | undefined;
  const client = () => {
    api ??= load();
    api.catch(() => {
      api = undefined;
    });
    return api;
  };
  return {
    generate: async () => kmsDataKeys(await client(), keyArn).generate(),
    unwrap: async (wrapped) => kmsDataKeys(await client(), keyArn).unwrap(wrapped),
  };
}
