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

const xmlText: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The QR as SVG, named by `title` (e.g. the voucher's short code): a screen reader reads a slip's
 * code as "QR code of voucher K7QD-2M9X-4" instead of skipping an unnamed image.
 */
export async function qrSvg(token: string, title: string): Promise<string> {
  const svg = await (await qrcode()).toString(token, { ...qrOptions, type: 'svg' });
  const name = `<title>${title.replace(/[&<>]/g, (c) => xmlText[c] ?? c)}</title>`;
  return svg.replace(/^<svg([^>]*)>/, (_, attributes: string) => `<svg role="img"${attributes}>${name}`);
}

/** What a voucher's QR is called where it is shown: its short code, never anything personal. */
export function qrTitle(code: string): string {
  return `QR code of voucher ${code}`;
}

export async function qrPng(token: string, width: number): Promise<Uint8Array> {
  return new Uint8Array(await (await qrcode()).toBuffer(token, { ...qrOptions, type: 'png', width }));
}
