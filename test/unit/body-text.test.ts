import { describe, expect, it } from 'vitest';
import {
  decodeCsvBody,
  decodeStrictly,
  encodingOf,
  InvalidEncodingError,
} from '../../shared/http/body-text.js';

const bom = { le: [0xff, 0xfe], be: [0xfe, 0xff], utf8: [0xef, 0xbb, 0xbf] };

describe('request body text', () => {
  it('reads UTF-8 with or without its byte-order mark, and UTF-16 of either order with one', () => {
    const text = 'beneficiaryRef,householdSize\r\nFAM-Bé,2\r\n';
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from(bom.utf8), Buffer.from(text)]),
      Buffer.concat([Buffer.from(bom.le), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from(bom.be), utf16be]),
    ])
      expect(decodeCsvBody(bytes)).toBe(text);
  });

  it('names the line of the first byte that is not of the encoding', () => {
    expect(decodeStrictly(Buffer.from('a\nb\nc\xe9\n', 'latin1'), 'utf-8')).toEqual({ badLine: 3 });
    // A character cut short at the very end is as unreadable as a wrong byte.
    expect(decodeStrictly(Buffer.from([0x61, 0x0a, 0xc3]), 'utf-8')).toEqual({ badLine: 2 });
    // A lone surrogate in UTF-16 (a half character) on the second line.
    const halves = Buffer.concat([Buffer.from('x\ny', 'utf16le'), Buffer.from([0x00, 0xd8, 0x7a, 0x00])]);
    expect(decodeStrictly(halves, 'utf-16le')).toEqual({ badLine: 2 });
    expect(encodingOf(Buffer.from('plain'))).toBe('utf-8');
  });

  it('refuses a list that is not UTF-8 as invalid-encoding, saying how to save it', () => {
    const refusal = (() => {
      try {
        decodeCsvBody(Buffer.from('beneficiaryRef,householdSize\r\nFAM-Bé,2\r\n', 'latin1'));
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidEncodingError);
    expect(refusal).toMatchObject({
      code: 'invalid-encoding',
      extra: { errors: [{ field: 'body.line.2' }] },
    });
    expect((refusal as Error).message).toContain('CSV UTF-8');
  });
});
