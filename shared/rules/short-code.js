// @ts-check
// Short voucher codes, for when a camera fails: the server draws and prints them, the scanner
// normalises what a volunteer types, offline too. One file for both (docs/design.md,
// "Rules the browser shares with the server").

import { CROCKFORD } from './crockford.js';

/**
 * 8 Crockford base32 symbols (40 random bits) and Crockford's mod-37 check symbol, shown as
 * `ABCD-EFGH-J`. Crockford's alphabet has no I, L, O or U, and decoding maps the look-alikes
 * (I, L -> 1; O -> 0), so most typing slips still resolve and the check symbol catches the rest
 * before any lookup.
 */
export const CODE_ALPHABET = CROCKFORD;
const CHECK_SYMBOLS = `${CODE_ALPHABET}*~$=U`;
export const CODE_DATA_LENGTH = 8;

/**
 * The check symbol of the data part: its value mod 37, written with Crockford's five extra
 * symbols for 32..36.
 * @param {string} data
 * @returns {string}
 */
export function checkSymbol(data) {
  let remainder = 0;
  for (const char of data) remainder = (remainder * 32 + CODE_ALPHABET.indexOf(char)) % 37;
  return CHECK_SYMBOLS[remainder] ?? '';
}

/**
 * `ABCDEFGHJ` -> `ABCD-EFGH-J`, for printing and reading aloud.
 * @param {string} code
 * @returns {string}
 */
export function formatShortCode(code) {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * Normalises what a person typed (`abcd-efgh-j`, ` ABCDEFGHJ `, I/L for 1 and O for 0) to the
 * code without dashes, or answers undefined when it cannot be one of ours (wrong length, a symbol
 * outside the alphabet, or a failed check symbol).
 * @param {string} typed
 * @returns {string | undefined}
 */
export function parseShortCode(typed) {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== CODE_DATA_LENGTH + 1) return undefined;
  const data = cleaned.slice(0, CODE_DATA_LENGTH);
  if ([...data].some((char) => !CODE_ALPHABET.includes(char))) return undefined;
  return checkSymbol(data) === cleaned.slice(CODE_DATA_LENGTH) ? cleaned : undefined;
}
