// @ts-check
// What a printed Supplyline item label's QR code holds: the server draws it, the desk reads it
// with its camera or a keyboard-wedge scanner. One file for both.

/**
 * `supplyline:item:<itemId>`, for goods that carry no barcode of their own (rice in unmarked
 * sacks, donated blankets). It names a catalogue entry and nothing else (no shelter, no quantity,
 * nothing about a person), so a label can be stuck on any shelf or sack at any shelter and never
 * goes out of date. A URN rather than a URL: the desk reads it; a phone's camera app has nothing
 * to open.
 */
export const ITEM_LABEL_PREFIX = 'supplyline:item:';

/** An item id as the catalogue takes one (a slug). */
const ITEM_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

/**
 * @param {string} itemId
 * @returns {string}
 */
export function itemLabelPayload(itemId) {
  return `${ITEM_LABEL_PREFIX}${itemId}`;
}

/**
 * The item id a label's payload names, or undefined when the text is not an item label.
 * @param {string} payload
 * @returns {string | undefined}
 */
export function itemIdOfLabel(payload) {
  if (!payload.toLowerCase().startsWith(ITEM_LABEL_PREFIX)) return undefined;
  const itemId = payload.slice(ITEM_LABEL_PREFIX.length);
  return ITEM_ID.test(itemId) ? itemId : undefined;
}
