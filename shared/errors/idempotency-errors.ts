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
