import { html, raw } from 'hono/html';
import type { Item } from '../../domain/item.js';
import type { Shelter } from '../../domain/shelter.js';
import type { VoucherView } from '../../domain/voucher.js';

/**
 * Printable voucher slips: A4, eight to a page, each with its QR, short code, what it entitles
 * the holder to and until when, in English and Khmer. Nothing about the person is printed: a
 * lost slip tells its finder nothing. Khmer needs a Khmer-capable font on the printing machine
 * (Noto Sans Khmer, Khmer OS); the stack lists the common ones.
 */
const unitKm: Record<string, string> = { kg: 'គីឡូក្រាម', L: 'លីត្រ', piece: 'ដុំ', pack: 'កញ្ចប់' };

export interface SlipData {
  voucher: VoucherView;
  qrSvg: string;
  shelter: Shelter | undefined;
  catalogue: ReadonlyMap<string, Item>;
}

const styles = `
@page { size: A4; margin: 8mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans", "Noto Sans Khmer", "Khmer OS", "Khmer OS System", Arial, sans-serif; color: #111; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 68mm; gap: 4mm; }
.slip { border: 1px dashed #555; padding: 3mm 4mm; display: grid; grid-template-columns: 34mm 1fr; gap: 3mm; break-inside: avoid; }
.slip svg { width: 34mm; height: 34mm; }
.code { font: bold 15pt/1.1 "DejaVu Sans Mono", monospace; letter-spacing: 1px; margin-top: 1mm; }
h2 { font-size: 10pt; margin: 0 0 1mm; }
.km { font-family: "Noto Sans Khmer", "Khmer OS", "Khmer OS System", sans-serif; }
ul { margin: 1mm 0; padding-left: 4mm; font-size: 9.5pt; }
.meta { font-size: 8pt; color: #333; }
.note { grid-column: 1 / -1; font-size: 7.5pt; color: #333; border-top: 1px solid #ddd; padding-top: 1mm; }
.void { text-decoration: line-through; }
@media screen { body { background: #eee; } .sheet { width: 194mm; margin: 8mm auto; background: #fff; padding: 4mm; } }
`;

function slip({ voucher, qrSvg, shelter, catalogue }: SlipData) {
  const lines = voucher.lines.map((line) => {
    const item = catalogue.get(line.itemId);
    return html`<li>${line.quantity} ${item?.unit ?? ''} ${item?.name ?? line.itemId}${
      item?.nameKm === undefined
        ? ''
        : html` · <span class="km">${item.nameKm} ${line.quantity} ${unitKm[item.unit] ?? ''}</span>`
    }</li>`;
  });
  const until = voucher.validUntil.slice(0, 16).replace('T', ' ');
  return html`<section class="slip${voucher.status === 'issued' ? '' : ' void'}" data-voucher-id="${voucher.id}">
  <div>${raw(qrSvg)}<div class="code">${voucher.code}</div></div>
  <div>
    <h2>Distribution voucher · <span class="km">ប័ណ្ណចែកជំនួយ</span></h2>
    <div class="meta">${shelter?.name ?? voucher.shelterId}</div>
    <ul>${lines}</ul>
    <div class="meta">Valid until <span class="km">មានសុពលភាពរហូតដល់</span> ${until} UTC</div>
    ${voucher.status === 'issued' ? '' : html`<div class="meta"><strong>${voucher.status.toUpperCase()}</strong></div>`}
  </div>
  <div class="note">Show this code at the pickup point. It can be used once. ·
    <span class="km">សូមបង្ហាញកូដនេះនៅកន្លែងទទួលជំនួយ។ អាចប្រើបានតែម្ដងប៉ុណ្ណោះ។</span></div>
</section>`;
}

export function renderSlips(slips: SlipData[]) {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voucher slips</title><style>${raw(styles)}</style></head>
<body><main class="sheet">${slips.map(slip)}</main></body>
</html>`;
}
