import { describe, expect, it } from 'vitest';
import { deriveCursorKey, openCursor, sealCursor } from '../../shared/auth/list-cursor.js';
import { encodeCursor } from '../../shared/store/pagination.js';

describe('sealed list cursors', () => {
  const key = deriveCursorKey('a'.repeat(43));
  const storeCursor = encodeCursor({ pk: 'ORG#a', sk: 'META', gsi1pk: 'ORGS', gsi1sk: 'a' }) ?? '';
  const binding = JSON.stringify(['/v1/organizations', 'key-1', []]);
  const sealed = sealCursor(storeCursor, binding, key);

  it('opens to the store cursor for the binding it was sealed for', () => {
    expect(openCursor(sealed, binding, key)).toBe(storeCursor);
  });

  it('opens alike on every instance holding the same app secret', () => {
    expect(openCursor(sealed, binding, deriveCursorKey('a'.repeat(43)))).toBe(storeCursor);
  });

  it.each([
    ['another list', JSON.stringify(['/v1/shelters', 'key-1', []])],
    ['another key', JSON.stringify(['/v1/organizations', 'key-2', []])],
    ['other filters', JSON.stringify(['/v1/organizations', 'key-1', [['status', 'open']]])],
  ])('does not open for %s', (_name, other) => {
    expect(openCursor(sealed, other, key)).toBeUndefined();
  });

  it('does not open under another app secret', () => {
    expect(openCursor(sealed, binding, deriveCursorKey('b'.repeat(43)))).toBeUndefined();
  });

  it('does not open once its store cursor or its seal is changed', () => {
    const [cursor, seal] = sealed.split('.') as [string, string];
    const edited = encodeCursor({ pk: 'ORG#b', sk: 'META', gsi1pk: 'ORGS', gsi1sk: 'b' }) ?? '';
    expect(openCursor(`${edited}.${seal}`, binding, key)).toBeUndefined();
    expect(openCursor(`${cursor}.${seal.slice(0, -1)}`, binding, key)).toBeUndefined();
    // base64url would forgive a stray character; the comparison does not.
    expect(openCursor(`${cursor}.${seal}=`, binding, key)).toBeUndefined();
    expect(openCursor(cursor, binding, key)).toBeUndefined();
    expect(openCursor(`.${seal}`, binding, key)).toBeUndefined();
  });
});
