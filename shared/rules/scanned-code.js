// @ts-check
// What a scanner or a camera read at the desk, and which item it names: the server answers the
// lookup by it, the desk tells a person at once when a scan cannot be one. One file for both.

import { gtin14, gtinProblem } from './gtin.js';
import { itemIdOfLabel } from './item-label.js';

/**
 * @typedef {{ kind: 'gtin', gtin14: string }
 *   | { kind: 'item-label', itemId: string }
 *   | { kind: 'unreadable', problem: string }} ScannedCode
 */

/**
 * A scanner set to send its AIM symbology identifier types `]E0` (EAN-13), `]C1` (GS1-128),
 * `]d2` (GS1 DataMatrix) or `]Q3` (GS1 QR) before the data: it says which symbol, not what it holds.
 */
const SYMBOLOGY_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

/** GS1's separator between variable-length element strings (FNC1 as ASCII 29, "GS"). */
const GROUP_SEPARATOR = '\u001d';

/** A GTIN under application identifier 01: `(01)09506000134352` or `0109506000134352...`. */
const ELEMENT_STRING_GTIN = /^(?:\(01\)|01)(\d{14})/;

/** A GS1 Digital Link URI names its GTIN as the path segment after `/01/`. */
const DIGITAL_LINK_GTIN = /^https?:\/\/[^/?#]+(?:\/[^/?#]*)*?\/01\/(\d{8,14})(?:[/?#]|$)/i;

/**
 * What a scan names: the digits of a barcode (EAN-13, UPC-A, EAN-8, ITF-14), a GS1 code carrying
 * a GTIN (a GS1-128 or DataMatrix element string, a GS1 Digital Link QR code), or one of our own
 * item labels; else why it names nothing.
 * @param {string} scanned
 * @returns {ScannedCode}
 */
export function readScannedCode(scanned) {
  const text = scanned.trim().replace(SYMBOLOGY_IDENTIFIER, '').replaceAll(GROUP_SEPARATOR, '');
  if (text === '') return { kind: 'unreadable', problem: 'nothing was scanned' };

  const itemId = itemIdOfLabel(text);
  if (itemId !== undefined) return { kind: 'item-label', itemId };

  const digits =
    DIGITAL_LINK_GTIN.exec(text)?.[1] ??
    (/^\d{8,14}$/.test(text) ? text : undefined) ??
    ELEMENT_STRING_GTIN.exec(text)?.[1];
  if (digits === undefined) {
    return {
      kind: 'unreadable',
      problem: /^\d+$/.test(text)
        ? 'a barcode number (GTIN) has 8, 12, 13 or 14 digits: scan or type it again'
        : 'this is neither a barcode number (GTIN) nor a Supplyline item label',
    };
  }
  const problem = gtinProblem(digits);
  return problem === undefined ? { kind: 'gtin', gtin14: gtin14(digits) } : { kind: 'unreadable', problem };
}
