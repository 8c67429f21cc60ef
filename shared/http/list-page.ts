import type { Context } from 'hono';
import { openCursor, sealCursor } from '../auth/list-cursor.js';
import { InvalidCursorError } from '../errors/app-errors.js';
import type { AppEnv } from './app-env.js';

/**
 * One page of a list, as every list route answers it: the caller's `cursor` is opened only if
 * this API sealed it for this key, this list (the path, its ids included) and these filters
 * (every query parameter but `cursor` and `limit`: the page size may change between pages), and
 * the next page's cursor is sealed for the same. Anything else is `invalid-cursor`, before
 * anything is read: a cursor cannot carry a caller into another organisation's list, another
 * list, or a position it was never given (see auth/list-cursor.ts).
 */
export async function readListPage<
  Q extends { cursor?: string | undefined; limit?: number },
  P extends { nextCursor: string | null },
>(c: Context<AppEnv>, query: Q, read: (query: Q) => Promise<P>): Promise<P> {
  const { cursor, limit: _pageSize, ...filters } = query;
  const binding = JSON.stringify([
    c.req.path,
    c.get('principal').keyId,
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);
  const key = c.get('deps').secrets.cursorKey;
  let storeCursor: string | undefined;
  if (cursor !== undefined && cursor !== '') {
    storeCursor = openCursor(cursor, binding, key);
    if (storeCursor === undefined) throw new InvalidCursorError();
  }
  const page = await read({ ...query, cursor: storeCursor });
  return { ...page, nextCursor: page.nextCursor === null ? null : sealCursor(page.nextCursor, binding, key) };
}
