import { ulid } from 'ulid';
import type { Principal } from '../domain/api-key.js';
import type { Idempotent } from '../domain/idempotency.js';
import { pseudonymiseBeneficiary } from '../domain/pseudonym.js';
import { newShortCode } from '../domain/short-code.js';
import {
  DEFAULT_VALIDITY_DAYS,
  type IssuedVoucher,
  type IssueVoucherInput,
  MAX_VALIDITY_DAYS,
  type VoucherView,
} from '../domain/voucher.js';
import { ValidationError } from '../errors/app-errors.js';
import { VoucherCodeTakenError } from '../errors/voucher-errors.js';
import { categoriesOf, checkStockChange } from './stock-context.js';
import { type VoucherDeps, voucherView } from './voucher-context.js';

export type IssueInput = IssueVoucherInput & Idempotent;

const DAY_MS = 86_400_000;

function validityWindow(input: IssueVoucherInput, now: Date): { validFrom: string; validUntil: string } {
  const from = input.validFrom === undefined ? now : new Date(input.validFrom);
  const until =
    input.validUntil === undefined
      ? new Date(from.getTime() + DEFAULT_VALIDITY_DAYS * DAY_MS)
      : new Date(input.validUntil);
  const errors = [];
  if (until.getTime() <= from.getTime())
    errors.push({ field: 'validUntil', message: 'must be after validFrom' });
  if (until.getTime() <= now.getTime())
    errors.push({ field: 'validUntil', message: 'must be in the future' });
  if (until.getTime() - from.getTime() > MAX_VALIDITY_DAYS * DAY_MS) {
    errors.push({
      field: 'validUntil',
      message: `a voucher is valid for at most ${MAX_VALIDITY_DAYS} days`,
    });
  }
  if (errors.length > 0) throw new ValidationError('The validity window is not possible.', errors);
  // Whole seconds: the token carries the expiry in seconds, and both must agree exactly.
  const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
  return { validFrom: seconds(from), validUntil: seconds(until) };
}

/**
 * Issues one voucher and reserves its lines in the same transaction: if the shelter's available
 * stock cannot honour it, nothing is written and the answer names each short item. The
 * beneficiary reference is pseudonymised here, before anything is stored; it is never kept raw.
 */
export async function issueVoucher(
  input: IssueInput,
  actor: Principal,
  deps: VoucherDeps,
): Promise<VoucherView> {
  const catalogue = await checkStockChange(actor, input.shelterId, input.lines, deps.stores);
  const now = deps.now();
  const window = validityWindow(input, now);
  const id = ulid(now.getTime());

  // A random 40-bit code can collide with an existing one; the transaction refuses it and we draw again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const voucher: IssuedVoucher = {
      id,
      code: newShortCode(),
      orgId: actor.orgId,
      shelterId: input.shelterId,
      lines: input.lines,
      status: 'issued',
      ...window,
      issuedAt: now.toISOString(),
      issuedBy: actor.keyId,
    };
    const view = voucherView(voucher, input.householdSize, deps.secrets.keyRing, now);
    try {
      await deps.stores.vouchers.issue(
        voucher,
        {
          voucherId: id,
          beneficiaryHash: pseudonymiseBeneficiary(input.beneficiaryRef, deps.secrets.beneficiaryHashKey),
          householdSize: input.householdSize,
        },
        categoriesOf(catalogue),
        { idempotency: input.idempotency, response: view },
      );
      return view;
    } catch (err) {
      if (!(err instanceof VoucherCodeTakenError)) throw err;
    }
  }
  throw new VoucherCodeTakenError();
}
