import type { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { RequestValidationError } from './request-validation-error.js';

/** Where the bad value was: `body`, `query`, `path` or `header`, as a client reads it. */
const targetNames: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * One field error per bad value. An unknown field is named itself (`body.lines.0.unit`), not
 * its parent object: the client sees exactly what to remove.
 */
export function fieldErrors(target: string, error: z.ZodError): FieldError[] {
  const prefix = targetNames[target] ?? target;
  const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].join('.');
  const explain = (issue: z.core.$ZodIssue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: at([...issue.path, key]),
        message: 'unknown field: remove it (unknown fields are refused, not ignored)',
      }));
    }
    // A union that says nothing better than "Invalid input": name the fields of the alternative
    // the request came closest to (fewest problems), so the client sees what to fix.
    if (issue.code === 'invalid_union' && issue.message === 'Invalid input' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return closest.flatMap((inner) => explain({ ...inner, path: [...issue.path, ...inner.path] }));
    }
    return [{ field: at(issue.path), message: messageFor(issue) }];
  };
  return error.issues.flatMap(explain);
}

/**
 * A field that is missing altogether says so ("required: a string"), rather than zod's "Invalid
 * input: expected string, received undefined", which newcomers read as a wrong value.
 */
function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `required: send a ${issue.expected}`;
  }
  return issue.message;
}

/**
 * Replaces zod-openapi's default 400 body with an RFC 9457 problem that names each bad field.
 * Throwing hands the error to the app's single error handler.
 */
export function validationHook(result: { success: boolean; target: string; error?: z.ZodError }): void {
  if (result.success || result.error === undefined) return;
  const errors = fieldErrors(result.target, result.error);
  const fields = errors.map((e) => e.field).join(', ');
  throw new RequestValidationError(`The request has invalid fields: ${fields}.`, errors);
}
