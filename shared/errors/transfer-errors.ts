import { AppError } from './app-errors.js';

/** A transfer is received once: a second receipt (or a race between two) changes nothing. */
export class TransferAlreadyReceivedError extends AppError {
  override readonly name = 'TransferAlreadyReceivedError';
  constructor(
    readonly transferId: string,
    readonly receivedAt: string | undefined,
  ) {
    super('conflict', `Transfer "${transferId}" was already received.`, { transferId, receivedAt });
  }
}
