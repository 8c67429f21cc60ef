import type { Item } from '../domain/item.js';
import { clip, fonts, placeQr, svgDocument, text, wrap } from './svg.js';

/** One label: 70 x 37 mm, the cell of the common 24-up A4 label sheet (3 across, 8 down). */
export const LABEL_WIDTH = 70;
export const LABEL_HEIGHT = 37;
const SHEET_COLUMNS = 3;
const SHEET_ROWS = 8;
const A4 = { width: 210, height: 297 };

export type LabelLayout = 'single' | 'a4-sheet';
export const LABELS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS;

export interface LabelData {
  item: Pick<Item, 'id' | 'name' | 'nameKm' | 'unit' | 'packSizes'>;
  /** The QR of the item's label payload (item-label.ts), as voucher-qr.ts draws it. */
  qr: string;
}

/** What the label says beside its code: names, unit and packs, and the id to type when a camera fails. */
function label({ item, qr }: LabelData, x: number, y: number): string {
  const packs = (item.packSizes ?? []).map((size) => `${size.name} = ${size.units}`).join(', ');
  const name = wrap(item.name, 17, 2);
  const below = name.length === 1 ? 0 : 4.2;
  return [
    `<g transform="translate(${x} ${y})">`,
    placeQr(qr, 2, 3, 31),
    ...name.map((line, i) => text(35, 8 + i * 4.2, 3.8, line, 'font-weight="700"')),
    item.nameKm === undefined ? '' : text(35, 13 + below, 3.4, clip(item.nameKm, 16), fonts.khmer),
    ...wrap(`${item.unit}${packs === '' ? '' : ` · ${packs}`}`, 30, 2).map((line, i) =>
      text(35, 22.5 + i * 3, 2.4, line),
    ),
    text(35, 31, 3, clip(item.id, 19), fonts.mono),
    text(35, 34.8, 2.1, 'Supplyline item label'),
    '</g>',
  ].join('');
}

/**
 * An item's label as SVG: one 70 x 37 mm label (with a thin cut line), or an A4 sheet of 24 of
 * them laid on the common 3 x 8 label stock, for shelves and sacks of goods without a barcode.
 */
export function itemLabelSvg(data: LabelData, layout: LabelLayout): string {
  const title = `Item label: ${data.item.name} (${data.item.id})`;
  if (layout === 'single') {
    const cut = `<rect x="0.1" y="0.1" width="${LABEL_WIDTH - 0.2}" height="${LABEL_HEIGHT - 0.2}" fill="none" stroke="#999" stroke-width="0.2"/>`;
    return svgDocument(LABEL_WIDTH, LABEL_HEIGHT, title, cut + label(data, 0, 0));
  }
  const top = (A4.height - SHEET_ROWS * LABEL_HEIGHT) / 2;
  const cells: string[] = [];
  for (let row = 0; row < SHEET_ROWS; row++) {
    for (let column = 0; column < SHEET_COLUMNS; column++)
      cells.push(label(data, column * LABEL_WIDTH, top + row * LABEL_HEIGHT));
  }
  return svgDocument(A4.width, A4.height, title, cells.join('\n'));
}
