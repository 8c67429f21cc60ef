import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../shared/errors/app-errors.js';
import { decodeCursor, encodeCursor } from '../../shared/store/pagination.js';

describe('opaque cursors', () => {
  it('round-trips a last evaluated key', () => {
    const key = { pk: 'ORG#a', sk: 'META', gsi1pk: 'ORGS', gsi1sk: 'a' };
    expect(decodeCursor(encodeCursor(key) ?? undefined, { gsi1pk: 'ORGS' })).toEqual(key);
  });

  it('refuses a cursor from another listing', () => {
    const foreign = encodeCursor({ pk: 'X', sk: 'META', gsi1pk: 'ORG#b#VOUCHERS', gsi1sk: '1' }) ?? '';
    expect(() => decodeCursor(foreign, { gsi1pk: 'ORGS' })).toThrow(InvalidCursorError);
  });

  it.each([
    '%%%',
    'bm90IGpzb24',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{"a":{}}').toString('base64url'),
  ])('refuses the garbage cursor %j', (cursor) => {
    expect(() => decodeCursor(cursor, {})).toThrow(InvalidCursorError);
  });
});
