import { ValidationError } from '../errors/app-errors.js';

/**
 * Opaque cursors: the DynamoDB LastEvaluatedKey, base64url-encoded JSON. Clients must not parse
 * them; they only ever contain key attributes (ids and ULIDs), never personal data.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey === undefined ? null : Buffer.from(JSON.stringify(lastKey)).toString('base64url');
}

/**
 * `partition` names the key attributes the cursor must carry unchanged: a cursor from another
 * listing (or hand-made) would otherwise start a Query in a partition the caller did not ask for.
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
    // fall through to the validation error below
  }
  throw new ValidationError('The cursor is not valid.', [
    { field: 'cursor', message: 'not a cursor from this API' },
  ]);
}
