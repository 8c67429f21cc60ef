// What the volunteer must be told, from a voucher check or from a refusal. One kind per screen.

/** @typedef {import('../common/api-types.js').PickupPoint} PickupPoint */
/** @typedef {import('../common/api-types.js').VolunteerVoucherView} VoucherView */
/** @typedef {import('../common/api.js').ApiError} ApiError */

/** Why a code is no voucher at all: each has its own message (`invalid.<reason>` in i18n.js). */
/** @typedef {'voucher-forged' | 'voucher-tampered' | 'voucher-code-invalid' | 'voucher-not-found'} InvalidReason */

/**
 * One screen of the scanner, by `kind`.
 * @typedef {{ kind: 'checking' | 'ready' | 'sending' | 'void' | 'no-stock' | 'signed-out' | 'unreadable' }
 *   | { kind: 'redeemed', redeemedAt: string }
 *   | { kind: 'pending', at: string }
 *   | { kind: 'handed-here', at: string, pending: boolean }
 *   | { kind: 'not-on-list' | 'lease-ended' }
 *   | { kind: 'held-elsewhere', label: string | undefined, pickupPointName: string | undefined }
 *   | { kind: 'sync-refused', reason: string | undefined, conflict?: boolean }
 *   | { kind: 'already-redeemed', redeemedAt: string | undefined, pickupPointId: string | undefined, deviceId?: string | undefined }
 *   | { kind: 'expired', validUntil: string | undefined }
 *   | { kind: 'not-yet-valid', validFrom?: string | undefined }
 *   | { kind: 'wrong-shelter', shelterId: string | undefined, shelterName?: string | undefined }
 *   | { kind: 'invalid', reason: InvalidReason }
 *   | { kind: 'offline' | 'busy', attempt: number }
 *   | { kind: 'forbidden' | 'error', detail: string | undefined }} Outcome
 */

/**
 * A checked voucher (POST /v1/vouchers/verify with our pickup point): can it be handed over here?
 * @param {VoucherView} view
 * @param {Pick<PickupPoint, "shelterId">} point
 * @returns {Outcome}
 */
export function outcomeOfCheck(view, point) {
  switch (view.status) {
    // `deviceId`: the device that handed it over, so that a phone knows its own handover (handed-here.js).
    case 'redeemed':
      return {
        kind: 'already-redeemed',
        redeemedAt: view.redeemedAt,
        pickupPointId: view.pickupPointId,
        deviceId: view.deviceId,
      };
    case 'void':
      return { kind: 'void' };
    case 'expired':
      return { kind: 'expired', validUntil: view.validUntil };
  }
  if (view.shelterId !== point.shelterId) return { kind: 'wrong-shelter', shelterId: view.shelterId };
  if (view.canRedeemHere === false) return { kind: 'not-yet-valid' };
  return { kind: 'ready' };
}

/**
 * A refusal from the API, as a screen.
 * @param {ApiError} err
 * @returns {Outcome}
 */
export function outcomeOfRefusal(err) {
  // Each case is one of the server's error codes: a code it does not have fails the type check.
  switch (err.code) {
    // Not a token at all (cut short, garbled): nothing is wrong with the voucher, scan it again.
    case 'voucher-unreadable':
      return { kind: 'unreadable' };
    case 'voucher-forged':
    case 'voucher-tampered':
    case 'voucher-code-invalid':
    case 'voucher-not-found':
      return { kind: 'invalid', reason: err.code };
    // A code that fails its own format (a typing mistake) is refused as a validation error.
    case 'validation':
      return { kind: 'invalid', reason: 'voucher-code-invalid' };
    case 'voucher-already-redeemed':
      return {
        kind: 'already-redeemed',
        redeemedAt: err.member('redeemedAt'),
        pickupPointId: err.member('pickupPointId'),
        deviceId: err.member('deviceId'),
      };
    case 'voucher-void':
      return { kind: 'void' };
    case 'voucher-expired':
      return { kind: 'expired', validUntil: err.member('validUntil') };
    case 'voucher-not-yet-valid':
      return { kind: 'not-yet-valid', validFrom: err.member('validFrom') };
    case 'voucher-wrong-shelter':
      return {
        kind: 'wrong-shelter',
        shelterId: err.member('voucherShelterId'),
        shelterName: err.member('voucherShelterName'),
      };
    // On another device's offline list: that desk hands it back within a minute if it can.
    case 'voucher-held-by-device': {
      const holder = err.problem.holder;
      /** @param {string} name */
      const field = (name) => {
        const value = typeof holder === 'object' && holder !== null ? Reflect.get(holder, name) : undefined;
        return typeof value === 'string' ? value : undefined;
      };
      return { kind: 'held-elsewhere', label: field('label'), pickupPointName: field('pickupPointName') };
    }
    case 'insufficient-stock':
      return { kind: 'no-stock' };
    case 'unauthenticated':
      return { kind: 'signed-out' };
    case 'forbidden':
      return { kind: 'forbidden', detail: err.problem.detail };
    default:
      return { kind: 'error', detail: err.problem.detail ?? err.message };
  }
}
