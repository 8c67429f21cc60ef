import type { Voucher } from '../domain/voucher.js';
import { AppError } from './app-errors.js';

/**
 * Why a voucher cannot be redeemed. Each has its own problem type so that the scanner page (and
 * any partner system) can show the right message without parsing text.
 */
export class VoucherRejectedError extends AppError {
  override readonly name = 'VoucherRejectedError';
}

export const voucherRejections = {
  /** Not a token at all: cut short, garbled, or another QR code. Says nothing of forgery. */
  unreadable: () =>
    new VoucherRejectedError(
      'voucher-unreadable',
      'Could not read this code, scan again. If it fails again, type the short code printed on the slip.',
    ),
  /** A well-formed token that no key of ours signed. */
  forged: () =>
    new VoucherRejectedError(
      'voucher-forged',
      'This QR code was not issued by Supplyline: do not hand anything over.',
    ),
  /** A well-formed token under one of our keys whose signature does not match its contents. */
  tampered: () =>
    new VoucherRejectedError(
      'voucher-tampered',
      'This QR code has been altered since it was issued: do not hand anything over.',
    ),
  codeInvalid: () =>
    new VoucherRejectedError(
      'voucher-code-invalid',
      'That code is not valid: check it for typing mistakes (its last symbol is a check symbol).',
    ),
  unknown: () => new VoucherRejectedError('voucher-not-found', 'No voucher has this code.'),
  /** `deviceId`: the registered device that handed it over, so that phone knows it as its own. */
  alreadyRedeemed: (
    redeemedAt: string | undefined,
    pickupPointId: string | undefined,
    deviceId?: string | undefined,
  ) =>
    new VoucherRejectedError(
      'voucher-already-redeemed',
      `This voucher was already redeemed${redeemedAt === undefined ? '' : ` at ${redeemedAt}`}${pickupPointId === undefined ? '' : ` at pickup point ${pickupPointId}`}.`,
      deviceId === undefined ? { redeemedAt, pickupPointId } : { redeemedAt, pickupPointId, deviceId },
    ),
  void: (voidedAt: string | undefined) =>
    new VoucherRejectedError('voucher-void', 'This voucher was cancelled by the issuing organisation.', {
      voidedAt,
    }),
  expired: (validUntil: string) =>
    new VoucherRejectedError('voucher-expired', `This voucher expired at ${validUntil}.`, { validUntil }),
  notYetValid: (validFrom: string) =>
    new VoucherRejectedError('voucher-not-yet-valid', `This voucher is valid from ${validFrom}.`, {
      validFrom,
    }),
  /**
   * The shelter's name, when the caller knows it, is a member of its own (the page shows it): no
   * secret and no one's personal data, and a volunteer of another shelter cannot list it.
   */
  wrongShelter: (shelterId: string, shelterName?: string) =>
    new VoucherRejectedError(
      'voucher-wrong-shelter',
      `This voucher is for another shelter (${shelterId}): send the person there.`,
      shelterName === undefined
        ? { voucherShelterId: shelterId }
        : { voucherShelterId: shelterId, voucherShelterName: shelterName },
    ),
};

/**
 * A voucher write was refused because the voucher left the state it was read in (redeemed,
 * voided or expired meanwhile). Carries the voucher as it is now, so the use case can say what
 * happened to it; it is never meant to reach a client as it is.
 */
export class VoucherStateChangedError extends AppError {
  override readonly name = 'VoucherStateChangedError';
  constructor(
    readonly voucherId: string,
    readonly current: Voucher | undefined,
  ) {
    super('conflict', 'This voucher changed state while the request ran; nothing was applied.');
  }
}

/** The randomly drawn short code is already another voucher's: nothing was written, draw again. */
export class VoucherCodeTakenError extends AppError {
  override readonly name = 'VoucherCodeTakenError';
  constructor() {
    super('conflict', 'Could not draw an unused voucher code; retry.');
  }
}
