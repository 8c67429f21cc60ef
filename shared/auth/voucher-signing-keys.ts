import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * The Ed25519 keys that sign voucher tokens. Several can be loaded at once for rotation: new
 * vouchers are signed with the active key; tokens signed with any loaded key still verify.
 * Private keys come from the secret store (Secrets Manager on AWS, .data/ locally) and never
 * leave the server; public keys are served at GET /v1/voucher-keys.
 */
export const signingKeySetSchema = z.object({
  activeKeyId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  keys: z
    .array(
      z.object({ keyId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), privateKeyPkcs8: z.string().min(40) }),
    )
    .min(1),
});
export type SigningKeySet = z.infer<typeof signingKeySetSchema>;

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  kid: string;
  x: string;
  use: 'sig';
  alg: 'EdDSA';
}

export class VoucherKeyRing {
  private readonly privateKeys = new Map<string, KeyObject>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(readonly set: SigningKeySet) {
    for (const { keyId, privateKeyPkcs8 } of set.keys) {
      const privateKey = createPrivateKey({
        key: Buffer.from(privateKeyPkcs8, 'base64'),
        format: 'der',
        type: 'pkcs8',
      });
      if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${keyId} is not Ed25519`);
      this.privateKeys.set(keyId, privateKey);
      this.publicKeys.set(keyId, createPublicKey(privateKey));
    }
    if (!this.privateKeys.has(set.activeKeyId))
      throw new Error(`active signing key ${set.activeKeyId} is not loaded`);
  }

  get activeKeyId(): string {
    return this.set.activeKeyId;
  }

  privateKey(keyId: string): KeyObject | undefined {
    return this.privateKeys.get(keyId);
  }

  publicKey(keyId: string): KeyObject | undefined {
    return this.publicKeys.get(keyId);
  }

  jwks(): PublicJwk[] {
    return [...this.publicKeys].map(([kid, key]) => {
      const jwk = key.export({ format: 'jwk' });
      return { kty: 'OKP', crv: 'Ed25519', kid, x: String(jwk.x), use: 'sig', alg: 'EdDSA' };
    });
  }
}

export function generateSigningKey(keyId: string): SigningKeySet['keys'][number] {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { keyId, privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
}
