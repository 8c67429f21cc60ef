import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveDeviceSealKey } from '../auth/device-secret.js';
import { deriveCursorKey } from '../auth/list-cursor.js';
import {
  generateSigningKey,
  type SigningKeySet,
  signingKeySetSchema,
  VoucherKeyRing,
} from '../auth/voucher-signing-keys.js';
import type { VoucherSecrets } from '../usecases/voucher-context.js';

/**
 * The server-side secrets, as one JSON document: Secrets Manager holds it on AWS, .data/secrets.json
 * locally, memory in tests. It never appears in a response, a log line or an environment listing.
 */
export const appSecretsSchema = z.object({
  voucherSigning: signingKeySetSchema,
  /** HMAC key for pseudonymising beneficiary references. Changing it unlinks every stored pseudonym. */
  beneficiaryHashKey: z.string().min(32),
});
export type AppSecrets = z.infer<typeof appSecretsSchema>;

export function generateAppSecrets(keyId = 'k1'): AppSecrets {
  return {
    voucherSigning: { activeKeyId: keyId, keys: [generateSigningKey(keyId)] },
    beneficiaryHashKey: randomBytes(32).toString('base64url'),
  };
}

/** Adds a new signing key and makes it active; old keys stay so that issued vouchers still verify. */
export function rotateSigningKey(secrets: AppSecrets, newKeyId: string): AppSecrets {
  const keys: SigningKeySet['keys'] = [...secrets.voucherSigning.keys, generateSigningKey(newKeyId)];
  return { ...secrets, voucherSigning: { activeKeyId: newKeyId, keys } };
}

export function parseAppSecrets(json: string): AppSecrets {
  const parsed = appSecretsSchema.safeParse(JSON.parse(json));
  if (!parsed.success)
    throw new Error(
      `Invalid secrets document: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return parsed.data;
}

export function voucherSecrets(secrets: AppSecrets): VoucherSecrets {
  return {
    keyRing: new VoucherKeyRing(secrets.voucherSigning),
    beneficiaryHashKey: secrets.beneficiaryHashKey,
    deviceSealKey: deriveDeviceSealKey(secrets.beneficiaryHashKey),
    cursorKey: deriveCursorKey(secrets.beneficiaryHashKey),
  };
}
