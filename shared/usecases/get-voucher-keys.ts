import type { PublicJwk } from '../auth/voucher-signing-keys.js';
import type { Principal } from '../domain/api-key.js';
import type { VoucherSecrets } from './voucher-context.js';

export interface VoucherKeySet {
  activeKeyId: string;
  keys: PublicJwk[];
}

/** The public keys a voucher token may be signed with, so a partner can verify tokens offline. */
export async function getVoucherKeys(
  _input: Record<string, never>,
  _actor: Principal | undefined,
  deps: { secrets: Pick<VoucherSecrets, 'keyRing'> },
): Promise<VoucherKeySet> {
  const ring = deps.secrets.keyRing;
  return { activeKeyId: ring.activeKeyId, keys: ring.jwks() };
}
