import type { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { RequestValidationError } from './request-validation-error.js';

/** Where the bad value was: `body`, `query`, `path` or `header`, as a client reads it. */
const targetNames: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

/**
 * One field error per bad value. An unknown field is named itself (`body.lines.0.unit`), not
 * its parent object: the client sees exactly what to remove. `input` is the request part as
 * sent: a field absent from it is said to be required, whatever zod's issue for it.
 */
export function fieldErrors(target: string, error: z.ZodError, input?: unknown): FieldError[] {
  const prefix = targetNames[target] ?? target;
  const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].join('.');
  const missing = (issue: z.core.$ZodIssue) =>
    input === undefined
      ? issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      : issue.path.length > 0 && valueAt(input, issue.path) === undefined;
  const explain = (issue: z.core.$ZodIssue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: at([...issue.path, key]),
        message: 'unknown field: remove it (unknown fields are refused, not ignored)',
      }));
    }
    // Our own refinements say what they need in their own words ("required when per is ...").
    if (issue.code !== 'custom' && missing(issue))
      return [{ field: at(issue.path), message: requiredMessage(issue) }];
    // A union that says nothing better than "Invalid input": name the fields of the alternative
    // the request came closest to (fewest problems), so the client sees what to fix.
    if (issue.code === 'invalid_union' && issue.message === 'Invalid input' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return closest.flatMap((inner) => explain({ ...inner, path: [...issue.path, ...inner.path] }));
    }
    return [{ field: at(issue.path), message: issue.message }];
  };
  return error.issues.flatMap(explain);
}

/** The value at `path` in what was sent; undefined when it, or anything on the way, is absent. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/**
 * A field that is missing altogether says so ("required: send a string"), rather than zod's
 * "Invalid input: expected string, received undefined", which newcomers read as a wrong value.
 */
function requiredMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `required: send ${article(issue.expected)}`;
    case 'invalid_value':
      return `required: send ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      const expected = issue.errors.flatMap((branch) =>
        branch.flatMap((inner) =>
          inner.code === 'invalid_type' && inner.path.length === 0 ? [article(inner.expected)] : [],
        ),
      );
      return expected.length === issue.errors.length ? `required: send ${expected.join(' or ')}` : 'required';
    }
    default:
      return 'required';
  }
}

/** The detail line: which fields are missing, which are wrong, by name. */
function summary(errors: FieldError[]): string {
  const isRequired = (e: FieldError) => e.message.startsWith('required');
  const missing = errors.filter(isRequired).map((e) => e.field);
  const invalid = errors.filter((e) => !isRequired(e)).map((e) => e.field);
  const parts = [
    ...(invalid.length === 0 ? [] : [`The request has invalid fields: ${invalid.join(', ')}.`]),
    ...(missing.length === 0
      ? []
      : [
          `${missing.length === 1 ? 'A required field is' : 'Required fields are'} missing: ${missing.join(', ')}.`,
        ]),
  ];
  return parts.join(' ');
}

/**
 * Replaces zod-openapi's default 400 body with an RFC 9457 problem that names each bad field.
 * Throwing hands the error to the app's single error handler.
 */
export function validationHook(result: {
  success: boolean;
  target: string;
  error?: z.ZodError;
  data?: unknown;
}): void {
  if (result.success || result.error === undefined) return;
  const errors = fieldErrors(result.target, result.error, result.data);
  throw new RequestValidationError(summary(errors), errors);
}
