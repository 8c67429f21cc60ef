import { AppError } from './app-errors.js';

/**
 * This request's claim on its Idempotency-Key was taken over (it ran past the lock time) so its
 * transaction was refused: nothing was applied, and the request that holds the key decides.
 */
export class IdempotencyClaimLostError extends AppError {
  override readonly name = 'IdempotencyClaimLostError';
  constructor() {
    super(
      'idempotency-in-flight',
      'Another request with this Idempotency-Key took over; nothing was applied by this one. Retry to get its result.',
    );
  }
}

/**
 * A write that changes stock, vouchers, rounds or devices arrived without an Idempotency-Key. A
 * retry after a lost answer would apply it twice, so it is refused before anything runs.
 */
export class IdempotencyKeyRequiredError extends AppError {
  override readonly name = 'IdempotencyKeyRequiredError';
  constructor() {
    super(
      'idempotency-key-required',
      'This write needs an Idempotency-Key header: a unique string per intended change, sent again unchanged when you retry, e.g. "Idempotency-Key: 2f6c1d0e-5b7a-4e8f-9c3d-1a2b3c4d5e6f".',
    );
  }
}
