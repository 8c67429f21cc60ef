import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtin14, gtinCheckDigit, gtinProblem, isGtin } from '../../shared/rules/gtin.js';
import { itemIdOfLabel, itemLabelPayload } from '../../shared/rules/item-label.js';
import { readScannedCode } from '../../shared/rules/scanned-code.js';

describe('GTIN check digits', () => {
  it('accepts GS1’s own examples of each length', () => {
    // GS1 General Specifications and its check digit calculator's examples.
    for (const gtin of ['96385074', '036000291452', '9506000134352', '4006381333931', '10614141000415']) {
      expect(gtinProblem(gtin), gtin).toBeUndefined();
    }
  });

  it('catches any single digit misread or mistyped', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const gtin = body + gtinCheckDigit(body);
          const wrong =
            gtin.slice(0, position) + ((Number(gtin[position]) + shift) % 10) + gtin.slice(position + 1);
          expect(isGtin(gtin)).toBe(true);
          expect(isGtin(wrong)).toBe(false);
        },
      ),
    );
  });

  it('catches two neighbouring digits swapped, unless they differ by 5 (which no mod-10 check can)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 11 }), (body, position) => {
        const gtin = body + gtinCheckDigit(body);
        const [a, b] = [Number(gtin[position]), Number(gtin[position + 1])];
        fc.pre(a !== b && Math.abs(a - b) !== 5);
        const swapped = gtin.slice(0, position) + b + a + gtin.slice(position + 2);
        expect(isGtin(swapped)).toBe(false);
      }),
    );
  });

  it('says what is wrong: not digits, a wrong length, or the check digit it should be', () => {
    expect(gtinProblem('95060001343X')).toBe('a GTIN has digits only');
    expect(gtinProblem('123456789')).toBe('a GTIN has 8, 12, 13 or 14 digits');
    expect(gtinProblem('9506000134351')).toBe(
      'the check digit is wrong (it should be 2): scan or type it again',
    );
  });

  it('writes every GTIN as 14 digits, so a UPC-A and its EAN-13 are one product', () => {
    expect(gtin14('036000291452')).toBe('00036000291452');
    expect(gtin14('0036000291452')).toBe('00036000291452');
    expect(gtin14('96385074')).toBe('00000096385074');
    // Padding keeps the check digit right: the weights count from the right.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$|^\d{11,13}$/), (body) => {
        expect(isGtin(gtin14(body + gtinCheckDigit(body)))).toBe(true);
      }),
    );
  });
});

describe('what a scan at the desk names', () => {
  it('reads a barcode as its GTIN in 14 digits, however the scanner wrote it', () => {
    const expected = { kind: 'gtin', gtin14: '09506000134352' };
    for (const scanned of [
      '9506000134352',
      ' 9506000134352\r\n',
      ']E09506000134352',
      '(01)09506000134352',
      '0109506000134352',
      '0109506000134352\u001d10ABC123',
      ']d20109506000134352172512311042',
      'https://id.gs1.org/01/09506000134352',
      'https://example.com/products/01/9506000134352/10/LOT?linkType=all',
    ]) {
      expect(readScannedCode(scanned), JSON.stringify(scanned)).toEqual(expected);
    }
  });

  it('reads an item label as its item id, and nothing else as one', () => {
    expect(readScannedCode(itemLabelPayload('rice'))).toEqual({ kind: 'item-label', itemId: 'rice' });
    expect(readScannedCode('SUPPLYLINE:ITEM:rice')).toEqual({ kind: 'item-label', itemId: 'rice' });
    expect(itemIdOfLabel('supplyline:item:Not A Slug')).toBeUndefined();
    expect(itemIdOfLabel('supplyline:voucher:rice')).toBeUndefined();
  });

  it('says why a scan names nothing', () => {
    expect(readScannedCode('')).toEqual({ kind: 'unreadable', problem: 'nothing was scanned' });
    expect(readScannedCode('9506000134351')).toMatchObject({
      kind: 'unreadable',
      problem: expect.stringContaining('check digit'),
    });
    expect(readScannedCode('12345')).toMatchObject({ problem: expect.stringContaining('8, 12, 13 or 14') });
    expect(readScannedCode('AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({
      kind: 'unreadable',
      problem: 'this is neither a barcode number (GTIN) nor a Supplyline item label',
    });
  });
});
