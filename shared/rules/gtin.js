// @ts-check
// GTINs, the numbers under the barcodes on goods: the server checks and stores them, the desk
// checks what a scanner typed before asking. One file for both (docs/design.md, "The logistics
// desk's API").

/**
 * GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14 (cases, ITF-14): GS1 General
 * Specifications, section 7.9. The last digit is a check digit over the others, so a misread or
 * mistyped digit is caught before anything is looked up or stored.
 */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/**
 * The check digit GS1 computes over the digits before it: weights 3 and 1 from the right.
 * @param {string} body the digits without their check digit
 * @returns {number}
 */
export function gtinCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Why a string is not a GTIN, in words a person at a scanner can act on; undefined when it is one.
 * @param {string} value
 * @returns {string | undefined}
 */
export function gtinProblem(value) {
  if (!/^\d+$/.test(value)) return 'a GTIN has digits only';
  if (!GTIN_LENGTHS.has(value.length)) return 'a GTIN has 8, 12, 13 or 14 digits';
  const expected = gtinCheckDigit(value.slice(0, -1));
  if (Number(value.at(-1)) !== expected)
    return `the check digit is wrong (it should be ${expected}): scan or type it again`;
  return undefined;
}

/**
 * @param {string} value
 * @returns {boolean}
 */
export function isGtin(value) {
  return gtinProblem(value) === undefined;
}

/**
 * The 14-digit form a GTIN is compared and kept unique in: one product has one GTIN however it
 * is written (a UPC-A `012345678905` is the EAN-13 `0012345678905` and the GTIN-14
 * `00012345678905`; scanners differ in which they type).
 * @param {string} gtin
 * @returns {string}
 */
export function gtin14(gtin) {
  return gtin.padStart(14, '0');
}
