import type { z } from '@hono/zod-openapi';
import { MalformedRecordError } from '../errors/record-errors.js';
import { withoutKeys } from './table-context.js';

/**
 * Every record a store reads passes through here: the zod schema of its concept is the source of
 * truth, so a record that does not match fails loudly at the boundary instead of travelling on
 * as a cast. Storage attributes (pk, sk, gsi keys, ttl) are not in the schemas and are dropped.
 * The error names the record's key and the failing fields, never their values.
 */
export function parseRecord<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(withoutKeys<unknown>(item));
  if (result.success) return result.data;
  const issues = result.error.issues.map(
    (issue) => `${issue.path.length === 0 ? '(record)' : issue.path.join('.')}: ${issue.message}`,
  );
  throw new MalformedRecordError({ pk: String(item.pk), sk: String(item.sk) }, issues);
}
