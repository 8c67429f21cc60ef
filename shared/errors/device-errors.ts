import { AppError } from './app-errors.js';

/** Who holds a voucher offline, as a refusal names it to the volunteer. */
export interface VoucherHolder {
  deviceId: string;
  label: string;
  pickupPointId: string;
  pickupPointName: string;
}

/**
 * The voucher sits in another device's offline pool: redeeming it here could hand it over twice.
 * The holder has been asked to hand it back at its next refresh.
 */
export class VoucherHeldByDeviceError extends AppError {
  override readonly name = 'VoucherHeldByDeviceError';
  constructor(readonly holder: VoucherHolder) {
    super(
      'voucher-held-by-device',
      `This voucher is on the offline list of "${holder.label}" at ${holder.pickupPointName}: ask that desk, or wait a minute for it to hand the voucher back, then scan again.`,
      { holder },
    );
  }
}

/** The offline record was committed meanwhile (another tab sent it); nothing was written twice. */
export class SyncRecordCommittedError extends AppError {
  override readonly name = 'SyncRecordCommittedError';
  constructor(readonly clientRedemptionId: string) {
    super('conflict', 'This offline record was already committed.');
  }
}
