import { randomBytes } from 'node:crypto';

/**
 * Short voucher codes for when a camera fails: 8 Crockford base32 symbols (40 random bits) and
 * Crockford's mod-37 check symbol, shown as `ABCD-EFGH-J`. Crockford's alphabet has no I, L, O
 * or U, and decoding maps the look-alikes (I, L -> 1; O -> 0), so most typing slips still
 * resolve and the check symbol catches the rest before any lookup.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
const DATA_LENGTH = 8;

function checkSymbol(data: string): string {
  let remainder = 0;
  for (const char of data) remainder = (remainder * 32 + ALPHABET.indexOf(char)) % 37;
  return CHECK_SYMBOLS[remainder] ?? '';
}

/**
 * Draws until the check symbol is a letter or digit: Crockford's five extra check symbols
 * (* ~ $ = U) are awkward to type on a phone, and avoiding them costs only 5/37 of the code space.
 * Parsing still accepts them, as the standard says.
 */
export function newShortCode(): string {
  for (;;) {
    const bytes = randomBytes(DATA_LENGTH);
    const data = [...bytes].map((byte) => ALPHABET[byte & 31]).join('');
    const check = checkSymbol(data);
    if (ALPHABET.includes(check)) return `${data}${check}`;
  }
}

/** `ABCDEFGHJ` -> `ABCD-EFGH-J`, for printing and reading aloud. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * Normalises what a person typed, or answers undefined when it cannot be one of our codes
 * (wrong length, a symbol outside the alphabet, or a failed check symbol).
 */
export function parseShortCode(typed: string): string | undefined {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== DATA_LENGTH + 1) return undefined;
  const data = cleaned.slice(0, DATA_LENGTH);
  const check = cleaned.slice(DATA_LENGTH);
  if ([...data].some((char) => !ALPHABET.includes(char))) return undefined;
  return checkSymbol(data) === check ? cleaned : undefined;
}
