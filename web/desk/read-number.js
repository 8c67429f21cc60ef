// Numbers as a lead types them into the desk's transfer and plan fields, and as the desk writes
// them back into a field: Khmer digits and a decimal comma are the API's numbers ("២៤" is 24).
import { lang } from '../common/i18n.js';

const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

/** What a field holds as a number; NaN when it holds none. @param {string} text */
export function readNumber(text) {
  const latin = text
    .trim()
    .replace(/[០-៩]/g, (digit) => String(KHMER_DIGITS.indexOf(digit)))
    .replace(',', '.');
  return latin === '' ? Number.NaN : Number(latin);
}

/**
 * A number put into a field for the lead to change: no thousands separator (which readNumber
 * would take for a decimal point in Khmer), Khmer digits when Khmer is chosen.
 * @param {number} value
 */
export function fieldNumber(value) {
  const text = String(value);
  return lang() === 'km' ? text.replace(/[0-9]/g, (digit) => KHMER_DIGITS[Number(digit)] ?? digit) : text;
}
