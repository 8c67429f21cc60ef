import { createHmac } from 'node:crypto';

/**
 * Beneficiary references are pseudonymised before storage with a keyed hash: without the
 * server-side secret, the stored value cannot be linked back to the reference (unlike a plain
 * hash, which anyone could compute from a guessed reference). The raw reference is never stored.
 */
export function pseudonymiseBeneficiary(reference: string, secret: string): string {
  return createHmac('sha256', secret).update(reference.trim().normalize('NFC')).digest('base64url');
}
