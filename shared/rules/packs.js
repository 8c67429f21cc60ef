// @ts-check
// Counting in packs: the server books 3 cases as 72, the desk says "Receive 72 (3 cases)" before
// the button is pressed. One file for both.

/** @typedef {{ name: string, units: number }} PackSize */

/**
 * Pack names compare as a person reads them: "Case" is "case".
 * @param {string} a
 * @param {string} b
 * @returns {boolean}
 */
export function samePackName(a, b) {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The pack of that name, if the item has one.
 * @param {readonly PackSize[] | undefined} sizes
 * @param {string} name
 * @returns {PackSize | undefined}
 */
export function findPackSize(sizes, name) {
  return sizes?.find((size) => samePackName(size.name, name));
}

/**
 * Units in `packs` packs of `size`: 3 cases of 24 are 72, 2 sacks of 12.5 kg are 25. Quantities
 * carry at most three decimals (as the server keeps them), so the product is rounded to those.
 * @param {number} packs
 * @param {{ units: number }} size
 * @returns {number}
 */
export function unitsInPacks(packs, size) {
  return Math.round(packs * size.units * 1000) / 1000;
}
