import type { Principal } from '../domain/api-key.js';
import { qrPng, qrSvg, qrTitle } from '../domain/voucher-qr.js';
import { loadOwnVoucher, type VoucherDeps, voucherView } from './voucher-context.js';

type QrDeps = Pick<VoucherDeps, 'stores' | 'secrets' | 'now'>;
type SvgInput = { voucherId: string; format: 'svg' };
type PngInput = { voucherId: string; format: 'png'; size: number };

/** The QR code of one of the coordinator's organisation's vouchers: SVG text or PNG bytes of `size` px. */
export async function getVoucherQr(input: SvgInput, viewer: Principal, deps: QrDeps): Promise<string>;
export async function getVoucherQr(input: PngInput, viewer: Principal, deps: QrDeps): Promise<Uint8Array>;
export async function getVoucherQr(
  input: SvgInput | PngInput,
  viewer: Principal,
  deps: QrDeps,
): Promise<string | Uint8Array> {
  const voucher = await loadOwnVoucher(input.voucherId, viewer, deps);
  const { token, code } = voucherView(voucher, null, deps.secrets.keyRing, deps.now());
  return input.format === 'svg' ? qrSvg(token, qrTitle(code)) : qrPng(token, input.size);
}
