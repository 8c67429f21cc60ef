import { InvalidCursorError } from '../errors/app-errors.js';

/**
 * A store's cursors: the DynamoDB LastEvaluatedKey, base64url-encoded JSON. They only ever
 * contain key attributes (ids and ULIDs), never personal data. The API never hands one out as it
 * is: it seals it for its caller and list (http/list-page.ts), so a cursor reaching a store from
 * a request is one this store gave for the same Query.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey === undefined ? null : Buffer.from(JSON.stringify(lastKey)).toString('base64url');
}

/**
 * `partition` names the key attributes the cursor must carry unchanged: a second line of defence
 * behind the seal, so no cursor from another listing can start a Query in another partition.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: Record<string, string>,
): Record<string, unknown> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((value) => typeof value === 'string' || typeof value === 'number') &&
      Object.entries(partition).every(([name, value]) => (parsed as Record<string, unknown>)[name] === value);
    if (valid) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError();
}
