import type { HouseholdClaim } from '../domain/round-households.js';
import { AppError } from './app-errors.js';

/**
 * A household already holds a voucher in this round. `claim` stays inside the server: the use
 * case tells its own organisation which voucher, and any other organisation nothing but this.
 */
export class HouseholdClaimedError extends AppError {
  override readonly name = 'HouseholdClaimedError';
  constructor(readonly claim: HouseholdClaim | undefined) {
    super('conflict', 'This household already holds a voucher in this round.');
  }
}

/** The round changed between this request's read and its write: read again and decide again. */
export class RoundChangedError extends AppError {
  override readonly name = 'RoundChangedError';
  constructor(roundId: string) {
    super('conflict', `Round "${roundId}" was changed by another request meanwhile: try again.`);
  }
}
