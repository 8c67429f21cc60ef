// Typed voucher codes, normalised as shared/domain/short-code.ts does (a unit test holds the two
// to the same answers), so that a code typed offline finds its voucher in the pack.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
const DATA_LENGTH = 8;

/** @param {string} data */
function checkSymbol(data) {
  let remainder = 0;
  for (const char of data) remainder = (remainder * 32 + ALPHABET.indexOf(char)) % 37;
  return CHECK_SYMBOLS[remainder] ?? '';
}

/**
 * `abcd-efgh-j`, `ABCDEFGHJ`, with I/L for 1 and O for 0: the code without dashes, or undefined
 * when it cannot be one of ours (the check symbol catches most typing slips).
 * @param {string} typed
 * @returns {string | undefined}
 */
export function parseShortCode(typed) {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== DATA_LENGTH + 1) return undefined;
  const data = cleaned.slice(0, DATA_LENGTH);
  if ([...data].some((char) => !ALPHABET.includes(char))) return undefined;
  return checkSymbol(data) === cleaned.slice(DATA_LENGTH) ? cleaned : undefined;
}
