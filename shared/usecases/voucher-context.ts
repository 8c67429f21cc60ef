import type { VoucherKeyRing } from '../auth/voucher-signing-keys.js';
import { type Principal, scopeAllows } from '../domain/api-key.js';
import { formatShortCode } from '../domain/short-code.js';
import { effectiveStatus, type Voucher, type VoucherView } from '../domain/voucher.js';
import { signVoucherToken } from '../domain/voucher-token.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';

/**
 * What voucher use cases need beyond the stores: the signing keys and the pseudonymisation secret
 * (and the keys derived from it that the rest of the app uses).
 */
export interface VoucherSecrets {
  keyRing: VoucherKeyRing;
  beneficiaryHashKey: string;
  /** Seals device secrets at rest (derived from the app's secrets; see auth/device-secret.ts). */
  deviceSealKey: Buffer;
  /** Signs the cursors lists hand out (derived from the app's secrets; see auth/list-cursor.ts). */
  cursorKey: Buffer;
}

export type VoucherDeps = {
  stores: Pick<
    Stores,
    'vouchers' | 'beneficiaries' | 'shelters' | 'items' | 'idempotency' | 'leases' | 'devices'
  >;
  secrets: VoucherSecrets;
  now: () => Date;
};

/** The coordinator's view. The token is re-signed on read: Ed25519 is deterministic, so it is stable. */
export function voucherView(
  voucher: Voucher,
  householdSize: number | null,
  keyRing: VoucherKeyRing,
  now: Date,
): VoucherView {
  return {
    id: voucher.id,
    code: formatShortCode(voucher.code),
    token: signVoucherToken({ voucherId: voucher.id, expiresAt: new Date(voucher.validUntil) }, keyRing),
    orgId: voucher.orgId,
    shelterId: voucher.shelterId,
    lines: voucher.lines,
    householdSize,
    status: effectiveStatus(voucher, now),
    validFrom: voucher.validFrom,
    validUntil: voucher.validUntil,
    issuedAt: voucher.issuedAt,
    ...(voucher.roundId === undefined ? {} : { roundId: voucher.roundId }),
    ...(voucher.rulesVersion === undefined ? {} : { rulesVersion: voucher.rulesVersion }),
    ...(voucher.language === undefined ? {} : { language: voucher.language }),
    ...finalStateFields(voucher),
  };
}

/** When and where a voucher was redeemed, or when it was cancelled: only what its state has. */
function finalStateFields(voucher: Voucher): Partial<VoucherView> {
  switch (voucher.status) {
    case 'redeemed':
      return { redeemedAt: voucher.redeemedAt, pickupPointId: voucher.pickupPointId };
    case 'void':
      return {
        voidedAt: voucher.voidedAt,
        ...(voucher.voidReason === undefined ? {} : { voidReason: voucher.voidReason }),
      };
    default:
      return {};
  }
}

/**
 * Another organisation's voucher, or one at a shelter outside the key's scope, answers exactly as
 * a missing one does.
 */
export async function loadOwnVoucher(
  voucherId: string,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'vouchers'> },
): Promise<Voucher> {
  const voucher = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(voucherId)
    ? await deps.stores.vouchers.get(voucherId)
    : undefined;
  const visible =
    voucher !== undefined &&
    voucher.orgId === viewer.orgId &&
    scopeAllows(viewer.scope.shelterIds, voucher.shelterId);
  if (!visible) throw new NotFoundError('Voucher', voucherId);
  return voucher;
}
