import type { z } from '@hono/zod-openapi';
import { withoutKeys } from './table-context.js';

/**
 * A record read back from the table that does not match its schema: written by a bug, by hand or
 * by an older version. Not an AppError on purpose: the API answers it as an unexpected failure
 * (500, cause logged), never by guessing what the record meant.
 */
export class MalformedRecordError extends Error {
  override readonly name = 'MalformedRecordError';
  constructor(
    readonly label: string,
    readonly issues: string[],
  ) {
    super(`A stored ${label} record is malformed: ${issues.join('; ')}.`);
  }
}

/** Drops the storage-only attributes of an item and parses the rest as the record it must be. */
export function parseStored<S extends z.ZodType>(
  schema: S,
  label: string,
  item: Record<string, unknown>,
): z.output<S> {
  const parsed = schema.safeParse(withoutKeys<unknown>(item));
  if (parsed.success) return parsed.data;
  throw new MalformedRecordError(
    label,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`),
  );
}
