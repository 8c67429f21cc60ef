/**
 * A voucher's QR code: its signed token and nothing else. Level M survives a crease or a smudge
 * and keeps a ~118-character token at QR version 7.
 */
const qrOptions = { errorCorrectionLevel: 'M' as const, margin: 2 };

/**
 * The QR encoder (and the PNG writer it brings) loads on the first QR request, not at cold start:
 * most invocations are scans and stock reads that never draw a code.
 */
const qrcode = () => import('qrcode').then((module) => module.default);

export async function qrSvg(token: string): Promise<string> {
  return (await qrcode()).toString(token, { ...qrOptions, type: 'svg' });
}

export async function qrPng(token: string, width: number): Promise<Uint8Array> {
  return new Uint8Array(await (await qrcode()).toBuffer(token, { ...qrOptions, type: 'png', width }));
}
