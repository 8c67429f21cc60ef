// AWS Lambda entry for the scheduled voucher sweep: expires vouchers past validity, releasing stock.
import { composeSweeper } from '../shared/composition-root.js';
import { sweepExpiredVouchers } from '../shared/usecases/sweep-expired-vouchers.js';

const deps = composeSweeper();

export async function handler() {
  return sweepExpiredVouchers({ maxVouchers: 5000 }, undefined, deps);
}
