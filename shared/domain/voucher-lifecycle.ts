import { type VoucherRejectedError, voucherRejections } from '../errors/voucher-errors.js';
import { validityAt } from '../rules/voucher-rules.js';
import type { IssuedVoucher, Voucher } from './voucher.js';

/**
 * The rules of a voucher's life that decide what a volunteer or coordinator is told. A voucher
 * moves issued -> redeemed | void | expired exactly once; these say why a change cannot happen.
 */

/** A voucher in one of its final states. */
export type FinalVoucher = Exclude<Voucher, IssuedVoucher>;

/**
 * Why this voucher cannot be handed over at a pickup point of `shelterId` now, or nothing. The
 * shelter comes first: a voucher for another shelter says nothing about its state (when and
 * where it was redeemed, when it was cancelled) to volunteers who do not serve its shelter.
 */
export function redemptionBlocker(
  voucher: Voucher,
  shelterId: string,
  now: Date,
): VoucherRejectedError | undefined {
  if (voucher.shelterId !== shelterId) return voucherRejections.wrongShelter(voucher.shelterId);
  if (voucher.status !== 'issued') return finalStateError(voucher);
  // Past its validity but not yet swept: expired for every reader (the scanner decides so offline too).
  switch (validityAt(voucher, now)) {
    case 'expired':
      return voucherRejections.expired(voucher.validUntil);
    case 'not-yet-valid':
      return voucherRejections.notYetValid(voucher.validFrom);
    case 'valid':
      return undefined;
  }
}

/** What to say about a voucher that has left `issued`: its final state, when and where. */
export function finalStateError(voucher: FinalVoucher): VoucherRejectedError {
  switch (voucher.status) {
    case 'redeemed':
      return voucherRejections.alreadyRedeemed(voucher.redeemedAt, voucher.pickupPointId, voucher.deviceId);
    case 'void':
      return voucherRejections.void(voucher.voidedAt);
    case 'expired':
      return voucherRejections.expired(voucher.validUntil);
  }
}
