// @ts-check
// What the QR code on a transfer's waybill holds: the server prints it, the desk (and a phone's
// own camera) opens it at the receiving shelter. One file for both.

/** The logistics desk's page. */
export const DESK_PATH = '/desk';
const FRAGMENT_KEY = 'transfer';
const TRANSFER_ID = /^tr-[0-9a-z]{26}$/;

/**
 * The receive form of a transfer on the desk: `<origin>/desk#transfer=<transferId>`. The id is
 * in the fragment, which a browser never sends to a server (no access log sees it), and a
 * transfer id names shelters and goods, nothing about a person.
 * @param {string} origin
 * @param {string} transferId
 * @returns {string}
 */
export function waybillUrl(origin, transferId) {
  return `${origin}${DESK_PATH}#${FRAGMENT_KEY}=${encodeURIComponent(transferId)}`;
}

/**
 * The transfer a waybill's QR code (or a desk address) names, or undefined when it names none.
 * @param {string} scanned
 * @returns {string | undefined}
 */
export function transferIdOfWaybill(scanned) {
  let url;
  try {
    url = new URL(scanned.trim());
  } catch {
    return undefined;
  }
  if (url.pathname !== DESK_PATH) return undefined;
  const id = new URLSearchParams(url.hash.slice(1)).get(FRAGMENT_KEY);
  return id !== null && TRANSFER_ID.test(id) ? id : undefined;
}
