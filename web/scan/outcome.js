// What the volunteer must be told, from a voucher check or from a refusal. One kind per screen.

const invalidCodes = new Set([
  'voucher-forged',
  'voucher-tampered',
  'voucher-code-invalid',
  'voucher-not-found',
  'validation',
]);

/** A checked voucher (POST /v1/vouchers/verify with our pickup point): can it be handed over here? */
export function outcomeOfCheck(view, point) {
  switch (view.status) {
    case 'redeemed':
      return { kind: 'already-redeemed', redeemedAt: view.redeemedAt, pickupPointId: view.pickupPointId };
    case 'void':
      return { kind: 'void' };
    case 'expired':
      return { kind: 'expired', validUntil: view.validUntil };
  }
  if (view.shelterId !== point.shelterId) return { kind: 'wrong-shelter', shelterId: view.shelterId };
  if (view.canRedeemHere === false) return { kind: 'not-yet-valid' };
  return { kind: 'ready' };
}

/** A refusal from the API (an ApiError), as a screen. */
export function outcomeOfRefusal(err) {
  const problem = err.problem ?? {};
  if (invalidCodes.has(err.code)) {
    return { kind: 'invalid', reason: err.code === 'validation' ? 'voucher-code-invalid' : err.code };
  }
  switch (err.code) {
    case 'voucher-already-redeemed':
      return {
        kind: 'already-redeemed',
        redeemedAt: problem.redeemedAt,
        pickupPointId: problem.pickupPointId,
      };
    case 'voucher-void':
      return { kind: 'void' };
    case 'voucher-expired':
      return { kind: 'expired', validUntil: problem.validUntil };
    case 'voucher-not-yet-valid':
      return { kind: 'not-yet-valid', validFrom: problem.validFrom };
    case 'voucher-wrong-shelter':
      return { kind: 'wrong-shelter', shelterId: problem.voucherShelterId };
    case 'insufficient-stock':
      return { kind: 'no-stock' };
    case 'unauthenticated':
      return { kind: 'signed-out' };
    case 'forbidden':
      return { kind: 'forbidden', detail: problem.detail };
    default:
      return { kind: 'error', detail: problem.detail ?? err.message };
  }
}
