import { phnomPenhTime } from '../../web/serve/voucher-slip.js';
import type { Item } from '../domain/item.js';
import type { ShelterView } from '../domain/shelter.js';
import type { Waybill } from '../usecases/get-transfer-waybill.js';
import { clip, fonts, placeQr, svgDocument, text, wrap, xml } from './svg.js';

const PAGE = { width: 210, height: 297, margin: 12 };
const TABLE = { top: 138, bottom: 242 };
const GREY = 'fill="#555"';

/** A shelter as the waybill names it: its names, and its location when the viewer may see it. */
function place(label: string, shelter: ShelterView | undefined, id: string, y: number): string {
  const where = [shelter?.address, shelter?.province].filter((part) => part !== undefined).join(', ');
  return [
    text(PAGE.margin, y, 2.8, label, GREY),
    text(PAGE.margin, y + 6, 4.6, clip(shelter?.name ?? id, 48), 'font-weight="700"'),
    shelter?.nameKm === undefined
      ? ''
      : text(PAGE.margin, y + 11.5, 4, clip(shelter.nameKm, 44), fonts.khmer),
    where === '' ? '' : text(PAGE.margin, y + 16.5, 3.2, clip(where, 70)),
  ].join('\n');
}

/** `500 kg (20 × sack)`: the biggest pack the quantity fills exactly, so loaders count packs. */
function inPacks(quantity: number, item: Item | undefined): string {
  const fits = (item?.packSizes ?? [])
    .filter((size) => Number.isInteger(Math.round((quantity / size.units) * 1000) / 1000))
    .sort((a, b) => b.units - a.units)[0];
  return fits === undefined ? '' : ` (${Math.round(quantity / fits.units)} × ${fits.name})`;
}

function lineRows(waybill: Waybill): string {
  const { transfer, catalogue } = waybill;
  const received =
    transfer.status === 'received'
      ? new Map(transfer.receivedLines.map((line) => [line.itemId, line.quantity]))
      : undefined;
  const rowHeight = Math.min(8, (TABLE.bottom - TABLE.top - 8) / transfer.lines.length);
  const size = Math.min(3.4, rowHeight * 0.72);
  const header = [
    text(PAGE.margin, TABLE.top, 2.8, '#', GREY),
    text(20, TABLE.top, 2.8, 'Item', GREY),
    text(118, TABLE.top, 2.8, 'Sent', `${GREY} text-anchor="end"`),
    text(122, TABLE.top, 2.8, 'Unit', GREY),
    text(150, TABLE.top, 2.8, received === undefined ? 'Received (count on arrival)' : 'Received', GREY),
    `<line x1="${PAGE.margin}" y1="${TABLE.top + 2}" x2="${PAGE.width - PAGE.margin}" y2="${TABLE.top + 2}" stroke="#000" stroke-width="0.3"/>`,
  ];
  const rows = transfer.lines.map((line, index) => {
    const item = catalogue.get(line.itemId);
    const y = TABLE.top + 2 + (index + 1) * rowHeight - rowHeight * 0.3;
    const name = clip(item?.name ?? line.itemId, 30);
    const khmer =
      item?.nameKm === undefined ? '' : `<tspan ${fonts.khmer} dx="2">${xml(clip(item.nameKm, 22))}</tspan>`;
    const got = received?.get(line.itemId);
    return [
      text(PAGE.margin, y, size, String(index + 1)),
      `<text x="20" y="${y}" font-size="${size}">${xml(name)}${khmer}</text>`,
      text(118, y, size, String(line.quantity), 'text-anchor="end" font-weight="700"'),
      text(122, y, size, `${item?.unit ?? ''}${inPacks(line.quantity, item)}`),
      got === undefined
        ? `<rect x="150" y="${y - size}" width="40" height="${size + 1.2}" fill="none" stroke="#000" stroke-width="0.25"/>`
        : text(150, y, size, String(got), 'font-weight="700"'),
      `<line x1="${PAGE.margin}" y1="${y + rowHeight * 0.3}" x2="${PAGE.width - PAGE.margin}" y2="${y + rowHeight * 0.3}" stroke="#bbb" stroke-width="0.15"/>`,
    ].join('');
  });
  return [...header, ...rows].join('\n');
}

function signatures(): string {
  const width = (PAGE.width - 2 * PAGE.margin - 8) / 3;
  return ['Dispatched by', 'Driver', 'Received by']
    .map((label, index) => {
      const x = PAGE.margin + index * (width + 4);
      return [
        `<rect x="${x}" y="248" width="${width}" height="32" fill="none" stroke="#000" stroke-width="0.3"/>`,
        text(x + 2, 253, 3, label, 'font-weight="700"'),
        text(x + 2, 262, 2.6, 'Name', GREY),
        text(x + 2, 270, 2.6, 'Signature', GREY),
        text(x + 2, 278, 2.6, 'Date and time', GREY),
      ].join('');
    })
    .join('\n');
}

/**
 * A transfer's waybill on one A4 page: who sends what to whom, on which vehicle, a column to
 * write what arrived, boxes to sign, and the QR code that opens the transfer's receive form on
 * the desk at the other end. Names in English and Khmer where the records have them.
 */
export function waybillSvg(waybill: Waybill): string {
  const { transfer } = waybill;
  const dispatched = `Dispatched ${phnomPenhTime(transfer.dispatchedAt)} (UTC+7)`;
  const status =
    transfer.status === 'received'
      ? `Received ${phnomPenhTime(transfer.receivedAt)} (UTC+7)`
      : 'In transit: receive it on the desk at the receiving shelter';
  const body = [
    text(PAGE.margin, 20, 8, 'Waybill', 'font-weight="700"'),
    text(PAGE.margin, 28, 3.6, transfer.id, fonts.mono),
    text(PAGE.margin, 34, 3, `${dispatched} · ${status}`),
    place('From', waybill.from, transfer.fromShelterId, 44),
    place('To', waybill.to, transfer.toShelterId, 70),
    text(PAGE.margin, 98, 2.8, 'Vehicle', GREY),
    text(PAGE.margin, 103.5, 3.6, clip(transfer.vehicle ?? '—', 100)),
    text(PAGE.margin, 110, 2.8, 'For the driver', GREY),
    ...wrap(transfer.driverNote ?? '—', 100, 4).map((line, i) =>
      text(PAGE.margin, 115.5 + i * 4.6, 3.2, line),
    ),
    placeQr(waybill.qr, 148, 14, 50),
    text(173, 68, 2.6, 'Scan at the receiving shelter', 'text-anchor="middle"'),
    text(173, 72, 2.6, 'to open its receive form', 'text-anchor="middle"'),
    lineRows(waybill),
    signatures(),
    text(
      PAGE.margin,
      289,
      2.6,
      'Count what arrives and write it under Received; a line that differs needs a reason on the receive form.',
      GREY,
    ),
  ].join('\n');
  return svgDocument(PAGE.width, PAGE.height, `Waybill of transfer ${transfer.id}`, body);
}
