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
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: at([...issue.path, key]),
          message: 'unknown field: remove it (unknown fields are refused, not ignored)',
        }))
      : [{ field: at(issue.path), message: issue.message }],
  );
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
