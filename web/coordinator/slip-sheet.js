// The round's slips as A4 sheets in this page, so that window.print() prints them: the QR codes
// come from GET /v1/voucher-slips (fetched with the key, never opened as a URL), the wording is
// ours. Eight slips a sheet, 2 x 4, each inside its dashed cut line; nothing personal is printed.
import { ApiError } from '../common/api.js';

/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {'vi' | 'zh' | 'th' | 'id'} HouseholdLanguage */
/**
 * @typedef {{
 *   id: string,
 *   code: string,
 *   shelterId: string,
 *   lines: Array<{ itemId: string, quantity: number }>,
 *   language?: string,
 * }} SlipVoucher
 */

export const SLIPS_PER_SHEET = 8;
/** What GET /v1/voucher-slips takes in one call. */
const SLIPS_PER_CALL = 48;

/**
 * The slip's words. English and Khmer on every slip, and the household's language when its row
 * named one. The Vietnamese, Chinese, Thai and Indonesian (and the Khmer) were written for this
 * first version: they need review by native speakers before real use.
 * @type {Record<'en' | 'km' | HouseholdLanguage, { lang: string, title: string, bring: string, valid: string, show: string }>}
 */
const words = {
  en: {
    lang: 'en',
    title: 'Distribution voucher',
    bring: 'Bring this slip.',
    valid: 'Valid from {from} until {until}.',
    show: 'Show this code at the pickup point.',
  },
  km: {
    lang: 'km',
    title: 'ប័ណ្ណចែកជំនួយ',
    bring: 'សូមយកប័ណ្ណនេះមកជាមួយ។',
    valid: 'មានសុពលភាពពី {from} ដល់ {until}។',
    show: 'សូមបង្ហាញកូដនេះនៅកន្លែងទទួលជំនួយ។',
  },
  vi: {
    lang: 'vi',
    title: 'Phiếu nhận hàng cứu trợ',
    bring: 'Hãy mang theo phiếu này.',
    valid: 'Có hiệu lực từ {from} đến {until}.',
    show: 'Xuất trình mã này tại điểm nhận hàng.',
  },
  zh: {
    lang: 'zh-Hans',
    title: '救助物资领取券',
    bring: '请携带此券。',
    valid: '有效期：{from} 至 {until}。',
    show: '请在领取点出示此代码。',
  },
  th: {
    lang: 'th',
    title: 'บัตรรับสิ่งของช่วยเหลือ',
    bring: 'โปรดนำบัตรนี้มาด้วย',
    valid: 'ใช้ได้ตั้งแต่ {from} ถึง {until}',
    show: 'แสดงรหัสนี้ที่จุดรับของ',
  },
  id: {
    lang: 'id',
    title: 'Kupon bantuan',
    bring: 'Bawa kupon ini.',
    valid: 'Berlaku dari {from} sampai {until}.',
    show: 'Tunjukkan kode ini di tempat pengambilan.',
  },
};

const unitKm = /** @type {Record<string, string>} */ ({ kg: 'គីឡូក្រាម', L: 'លីត្រ', piece: 'ដុំ', pack: 'កញ្ចប់' });

/** Households read the date where they live: Phnom Penh time, as 2026-12-16 07:00. */
const phnomPenh = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Phnom_Penh',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** @param {string} iso */
export function phnomPenhTime(iso) {
  return phnomPenh.format(new Date(iso));
}

/**
 * @param {string | undefined} language
 * @returns {Array<keyof typeof words>}
 */
export function slipLanguages(language) {
  const extra =
    language !== undefined && language !== 'en' && language !== 'km' && Object.hasOwn(words, language);
  return extra ? ['en', 'km', /** @type {HouseholdLanguage} */ (language)] : ['en', 'km'];
}

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * @param {string} text
 * @returns {import('../common/api-types.js').Problem | undefined}
 */
function problemOf(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The QR code of each voucher, read from the slips the server renders (its SVG is the signed
 * token, nothing else). The markup is parsed inert and only the SVG elements are taken.
 * @param {string} key
 * @param {string[]} ids
 * @returns {Promise<Map<string, Element>>}
 */
async function qrCodes(key, ids) {
  /** @type {Map<string, Element>} */
  const codes = new Map();
  for (let start = 0; start < ids.length; start += SLIPS_PER_CALL) {
    const chunk = ids.slice(start, start + SLIPS_PER_CALL);
    const response = await fetch(`/v1/voucher-slips?ids=${chunk.map(encodeURIComponent).join(',')}`, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
      credentials: 'omit',
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(response.status, problemOf(text));
    // Only the body's slips: the document's inline <style> would be a CSP violation even parsed inert.
    const body = text.slice(text.indexOf('<main'), text.lastIndexOf('</main>') + '</main>'.length);
    const parsed = new DOMParser().parseFromString(body, 'text/html');
    for (const section of parsed.querySelectorAll('section[data-voucher-id]')) {
      const svg = section.querySelector('svg');
      const id = section.getAttribute('data-voucher-id');
      if (svg && id) codes.set(id, document.importNode(svg, true));
    }
  }
  return codes;
}

/**
 * @param {SlipVoucher} voucher
 * @param {{ validFrom: string, validUntil: string }} round
 * @param {{ items: ReadonlyMap<string, Item>, shelterName: (id: string) => string, qr: Element | undefined }} context
 */
function slip(voucher, round, { items, shelterName, qr }) {
  const section = element('section', 'slip');
  section.dataset.voucherId = voucher.id;
  const languages = slipLanguages(voucher.language);
  section.dataset.languages = languages.join(' ');

  const top = element('div', 'slip-top');
  const qrBox = element('div', 'slip-qr');
  if (qr) qrBox.append(qr);
  const what = element('div', 'slip-what');
  what.append(element('div', 'slip-shelter', shelterName(voucher.shelterId)));
  const list = element('ul', 'slip-lines');
  for (const line of voucher.lines) {
    const item = items.get(line.itemId);
    const li = element('li', '', `${line.quantity} ${item?.unit ?? ''} ${item?.name ?? line.itemId}`);
    if (item?.nameKm) {
      li.append(' · ', element('span', 'km', `${item.nameKm} ${line.quantity} ${unitKm[item.unit] ?? ''}`));
    }
    list.append(li);
  }
  what.append(list);
  top.append(qrBox, what);

  const code = element('div', 'slip-code', voucher.code);
  const wording = element('div', 'slip-words');
  const dates = { from: phnomPenhTime(round.validFrom), until: phnomPenhTime(round.validUntil) };
  for (const language of languages) {
    const text = words[language];
    const p = element('p', `slip-lang${language === 'km' ? ' km' : ''}`);
    p.lang = text.lang;
    p.dataset.lang = language;
    const valid = text.valid.replace('{from}', dates.from).replace('{until}', dates.until);
    p.append(element('strong', '', text.title), ` ${text.bring} ${valid} ${text.show}`);
    wording.append(p);
  }
  section.append(top, code, wording);
  return section;
}

/**
 * Fills `sheet` with the slips of `vouchers`, eight to an A4 sheet.
 * @param {HTMLElement} sheet
 * @param {string} key
 * @param {SlipVoucher[]} vouchers
 * @param {{ validFrom: string, validUntil: string }} round
 * @param {{ items: ReadonlyMap<string, Item>, shelterName: (id: string) => string }} context
 */
export async function renderSheets(sheet, key, vouchers, round, context) {
  const codes = await qrCodes(
    key,
    vouchers.map((voucher) => voucher.id),
  );
  const pages = [];
  for (let start = 0; start < vouchers.length; start += SLIPS_PER_SHEET) {
    const page = element('div', 'sheet-page');
    for (const voucher of vouchers.slice(start, start + SLIPS_PER_SHEET)) {
      page.append(slip(voucher, round, { ...context, qr: codes.get(voucher.id) }));
    }
    pages.push(page);
  }
  sheet.replaceChildren(...pages);
}
