import { AppError } from './app-errors.js';

/** A record with this id already exists: the write that would have replaced it was refused. */
export class DuplicateRecordError extends AppError {
  override readonly name = 'DuplicateRecordError';
  constructor(
    readonly record: string,
    readonly id: string,
  ) {
    super('conflict', `${record} "${id}" already exists.`, { id });
  }
}

/**
 * A stored record does not match its schema (a bug, a hand edit, a half-migrated table). It is
 * not one of our client-facing errors on purpose: the request fails as an internal error, the
 * log names the record's key, and the record is never served as if it were valid.
 */
export class MalformedRecordError extends Error {
  override readonly name = 'MalformedRecordError';
  constructor(
    readonly key: { pk: string; sk: string },
    readonly issues: string[],
  ) {
    super(`Stored record ${key.pk} ${key.sk} does not match its schema: ${issues.join('; ')}`);
  }
}
