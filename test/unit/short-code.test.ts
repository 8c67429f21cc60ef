import { describe, expect, it } from 'vitest';
import { formatShortCode, newShortCode, parseShortCode } from '../../shared/domain/short-code.js';

describe('short voucher codes', () => {
  it('draws codes of Crockford symbols that typists can enter with letters and digits only', () => {
    for (let i = 0; i < 2000; i++) {
      const code = newShortCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{9}$/);
      expect(parseShortCode(code)).toBe(code);
    }
  });

  it('accepts what a person types: lower case, dashes, spaces, and I/L/O for 1/1/0', () => {
    const code = newShortCode();
    const typed = formatShortCode(code).toLowerCase().replaceAll('1', 'l').replaceAll('0', 'o');
    expect(parseShortCode(` ${typed} `)).toBe(code);
  });

  it('catches a single mistyped symbol or a swap of two neighbours through the check symbol', () => {
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < 300; i++) {
      const code = newShortCode();
      const chars = [...code];
      const position = i % 8;
      const swapped = [...chars];
      [swapped[position], swapped[position + 1]] = [swapped[position + 1] ?? '', swapped[position] ?? ''];
      const substituted = [...chars];
      substituted[position] = substituted[position] === 'A' ? 'B' : 'A';
      for (const variant of [swapped.join(''), substituted.join('')]) {
        if (variant === code) continue;
        tried++;
        if (parseShortCode(variant) === undefined) caught++;
      }
    }
    expect(caught).toBe(tried);
  });

  it('prints a code as three groups for reading aloud', () => {
    expect(formatShortCode('ABCDEFGHJ')).toBe('ABCD-EFGH-J');
  });

  it("accepts Crockford's five extra check symbols when typed, as the standard says, though it never draws them", () => {
    // 00000010 is 32 in base 32, and 32..36 mod 37 are the check symbols * ~ $ = U.
    expect(parseShortCode('0000-0010-*')).toBe('00000010*');
    expect(parseShortCode('0000-0011-~')).toBe('00000011~');
    expect(parseShortCode('0000-0012-$')).toBe('00000012$');
    expect(parseShortCode('0000-0013-=')).toBe('00000013=');
    expect(parseShortCode('0000-0014-u')).toBe('00000014U');
    expect(parseShortCode('0000-0014-V')).toBeUndefined();
  });

  it.each(['', 'ABCD', 'ABCD-EFGH-JK', 'UUUU-UUUU-U', '!!!!-!!!!-!'])('refuses %j', (typed) => {
    expect(parseShortCode(typed)).toBeUndefined();
  });
});
