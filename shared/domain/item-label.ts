import { slugSchema } from './slug.js';

/**
 * The QR code printed on an item label, for goods that carry no barcode of their own (rice in
 * unmarked sacks, donated blankets): `supplyline:item:<itemId>`. It names a catalogue entry and
 * nothing else (no shelter, no quantity, nothing about a person), so a label can be stuck on any
 * shelf or sack at any shelter and never goes out of date. A URN rather than a URL: the desk reads
 * it with its own camera or a keyboard-wedge scanner; a phone's camera app has nothing to open.
 */
export const ITEM_LABEL_PREFIX = 'supplyline:item:';

export function itemLabelPayload(itemId: string): string {
  return `${ITEM_LABEL_PREFIX}${itemId}`;
}

/** The item id a label's payload names, or undefined when the text is not an item label. */
export function itemIdOfLabel(payload: string): string | undefined {
  if (!payload.toLowerCase().startsWith(ITEM_LABEL_PREFIX)) return undefined;
  const itemId = payload.slice(ITEM_LABEL_PREFIX.length);
  return slugSchema.safeParse(itemId).success ? itemId : undefined;
}
