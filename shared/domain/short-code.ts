import { randomBytes } from 'node:crypto';

import { CODE_ALPHABET, CODE_DATA_LENGTH, checkSymbol } from '../rules/short-code.js';

/** Parsing and printing are rules the scanner shares (shared/rules/short-code.js); drawing is the server's. */
export { formatShortCode, parseShortCode } from '../rules/short-code.js';

/**
 * Draws until the check symbol is a letter or digit: Crockford's five extra check symbols
 * (* ~ $ = U) are awkward to type on a phone, and avoiding them costs only 5/37 of the code space.
 * Parsing still accepts them, as the standard says.
 */
export function newShortCode(): string {
  for (;;) {
    const bytes = randomBytes(CODE_DATA_LENGTH);
    const data = [...bytes].map((byte) => CODE_ALPHABET[byte & 31]).join('');
    const check = checkSymbol(data);
    if (CODE_ALPHABET.includes(check)) return `${data}${check}`;
  }
}
