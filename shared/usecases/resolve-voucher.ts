import { parseShortCode } from '../domain/short-code.js';
import type { Voucher } from '../domain/voucher.js';
import { type TokenCheck, verifyVoucherToken } from '../domain/voucher-token.js';
import { voucherRejections } from '../errors/voucher-errors.js';
import type { VoucherDeps } from './voucher-context.js';

export type VoucherReference = { token: string } | { code: string };

/**
 * Why a token was refused, as the volunteer must hear it: a scan that is not a token at all (cut
 * short, garbled, another QR code) is worth scanning again; a well-formed token that fails its
 * signature is not ours, or was altered, and nothing is handed over.
 */
function tokenRejection(reason: Exclude<TokenCheck, { ok: true }>['reason']) {
  switch (reason) {
    case 'malformed':
      return voucherRejections.unreadable();
    case 'unknown-key':
      return voucherRejections.forged();
    case 'bad-signature':
      return voucherRejections.tampered();
  }
}

/**
 * Finds the voucher a volunteer scanned or typed. A token must carry a valid signature from one
 * of our keys; a code must pass its check symbol. Each failure has its own problem type.
 */
export async function resolveVoucher(
  reference: VoucherReference,
  deps: Pick<VoucherDeps, 'stores' | 'secrets'>,
): Promise<Voucher> {
  let voucherId: string | undefined;
  if ('token' in reference) {
    const check = verifyVoucherToken(reference.token.trim(), deps.secrets.keyRing);
    if (!check.ok) throw tokenRejection(check.reason);
    voucherId = check.claims.voucherId;
  } else {
    const code = parseShortCode(reference.code);
    if (code === undefined) throw voucherRejections.codeInvalid();
    voucherId = await deps.stores.vouchers.idForCode(code);
  }
  const voucher = voucherId === undefined ? undefined : await deps.stores.vouchers.get(voucherId);
  if (voucher === undefined) throw voucherRejections.unknown();
  return voucher;
}
