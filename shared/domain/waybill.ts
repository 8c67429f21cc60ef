/**
 * What the QR code on a transfer's waybill holds: the address of the receive form of that
 * transfer on the logistics desk, `<origin>/desk#transfer=<transferId>`. A phone's own camera
 * opens it at the receiving shelter; the desk's camera reads it too. The transfer id is in the
 * fragment, which a browser never sends to a server (no access log sees it), and a transfer id
 * names shelters and goods, nothing about a person.
 */
export const DESK_PATH = '/desk';
const FRAGMENT_KEY = 'transfer';

export function waybillUrl(origin: string, transferId: string): string {
  return `${origin}${DESK_PATH}#${FRAGMENT_KEY}=${encodeURIComponent(transferId)}`;
}

/** The transfer a waybill's QR code (or a desk address) names, or undefined when it names none. */
export function transferIdOfWaybill(scanned: string): string | undefined {
  let url: URL;
  try {
    url = new URL(scanned.trim());
  } catch {
    return undefined;
  }
  if (url.pathname !== DESK_PATH) return undefined;
  const id = new URLSearchParams(url.hash.slice(1)).get(FRAGMENT_KEY);
  return id !== null && /^tr-[0-9a-z]{26}$/.test(id) ? id : undefined;
}
