// Checking and redeeming a voucher, however bad the network.
import { ApiError, apiCall, backoffMs, NetworkError, pause } from '../common/api.js';

/** @typedef {import('../common/api-contract.js').Schema<'VerifyVoucher'>} VerifyBody */
/** @typedef {import('../common/api-contract.js').Schema<'Redeem'>} RedeemBody */
/**
 * What a retry loop is told by, and tells, the screen.
 * @typedef {{ onRetry: (retry: { attempt: number, offline: boolean }) => void, cancelled: () => boolean }} RetryControl
 */

/**
 * Worth another try: nothing was decided, or the answer was lost on the way back.
 * @param {unknown} err
 */
function isTransient(err) {
  if (err instanceof NetworkError) return true;
  return err instanceof ApiError && (err.status >= 500 || err.code === 'idempotency-in-flight');
}

/**
 * Repeats `send` until it gets a final answer. `onRetry({attempt, offline})` is told before each
 * wait; `cancelled()` stops the loop (the volunteer gave up on this voucher).
 * @template T
 * @param {() => Promise<T>} send
 * @param {RetryControl} control
 * @returns {Promise<T>}
 */
async function untilAnswered(send, { onRetry, cancelled }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!isTransient(err) || cancelled()) throw err;
      onRetry({ attempt: attempt + 1, offline: err instanceof NetworkError });
      await pause(backoffMs(attempt));
      if (cancelled()) throw err;
    }
  }
}

/**
 * Reads only: safe to repeat.
 * @param {string} key
 * @param {VerifyBody} body
 * @param {RetryControl} control
 */
export function verifyVoucher(key, body, control) {
  return untilAnswered(() => apiCall(key, 'POST', '/v1/vouchers/verify', { body }), control);
}

/**
 * Every attempt carries the same Idempotency-Key and the same body (one object, so the same JSON
 * text): if an earlier attempt did commit and only its answer was lost, the server replays that
 * answer instead of redeeming twice.
 * @param {string} key
 * @param {RedeemBody} body
 * @param {string} idempotencyKey
 * @param {RetryControl} control
 */
export function redeemVoucher(key, body, idempotencyKey, control) {
  return untilAnswered(
    () => apiCall(key, 'POST', '/v1/redemptions', { body, headers: { 'idempotency-key': idempotencyKey } }),
    control,
  );
}
