import { html, raw } from 'hono/html';
import type { Item } from '../../shared/domain/item.js';
import type { Shelter } from '../../shared/domain/shelter.js';
import type { VoucherView } from '../../shared/domain/voucher.js';
import { cached } from './asset-cache.js';
import { readWebFile } from './web-files.js';

/**
 * Printable voucher slips: A4, eight to a page, each with its QR, short code, what it entitles
 * the holder to and until when, in English and Khmer. Nothing about the person is printed: a
 * lost slip tells its finder nothing. Khmer needs a Khmer-capable font on the printing machine
 * (Noto Sans Khmer, Khmer OS); web/slips/slip.css lists the common ones. The style sheet is
 * inlined, so that a slip saved or opened from a file prints the same.
 */
const unitKm: Record<string, string> = { kg: 'គីឡូក្រាម', L: 'លីត្រ', piece: 'ដុំ', pack: 'កញ្ចប់' };

/**
 * Households read the date where they live: Phnom Penh time (UTC+7, no daylight saving), as 2026-12-16 07:00.
 * Made on first use, not at import: building a formatter loads ICU's time-zone data (~11 ms),
 * which a cold start that prints no slip should not pay.
 */
let phnomPenh: Intl.DateTimeFormat | undefined;

export function phnomPenhTime(iso: string): string {
  phnomPenh ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Phnom_Penh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return phnomPenh.format(new Date(iso));
}

export interface SlipData {
  voucher: VoucherView;
  qrSvg: string;
  shelter: Shelter | undefined;
  catalogue: ReadonlyMap<string, Item>;
}

function slip({ voucher, qrSvg, shelter, catalogue }: SlipData) {
  const lines = voucher.lines.map((line) => {
    const item = catalogue.get(line.itemId);
    return html`<li>${line.quantity} ${item?.unit ?? ''} ${item?.name ?? line.itemId}${
      item?.nameKm === undefined
        ? ''
        : html` · <span class="km">${item.nameKm} ${line.quantity} ${unitKm[item.unit] ?? ''}</span>`
    }</li>`;
  });
  const until = phnomPenhTime(voucher.validUntil);
  return html`<section class="slip${voucher.status === 'issued' ? '' : ' void'}" data-voucher-id="${voucher.id}">
  <div>${raw(qrSvg)}<div class="code">${voucher.code}</div></div>
  <div>
    <h2>Distribution voucher · <span class="km">ប័ណ្ណចែកជំនួយ</span></h2>
    <div class="meta">${shelter?.name ?? voucher.shelterId}</div>
    <ul>${lines}</ul>
    <div class="meta">Valid until <span class="km">មានសុពលភាពរហូតដល់</span> ${until} (UTC+7)</div>
    ${voucher.status === 'issued' ? '' : html`<div class="meta"><strong>${voucher.status.toUpperCase()}</strong></div>`}
  </div>
  <div class="note">Show this code at the pickup point. It can be used once. ·
    <span class="km">សូមបង្ហាញកូដនេះនៅកន្លែងទទួលជំនួយ។ អាចប្រើបានតែម្ដងប៉ុណ្ណោះ។</span></div>
</section>`;
}

export async function renderSlips(slips: SlipData[]) {
  const styles = new TextDecoder().decode(
    (await cached('slips/slip.css', () => readWebFile('slips/slip.css'))).body,
  );
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voucher slips</title><style>${raw(styles)}</style></head>
<body><main class="sheet">${slips.map(slip)}</main></body>
</html>`;
}
