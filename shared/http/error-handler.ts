import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  AppError,
  type ErrorCode,
  StoreUnavailableError,
  TooManyRequestsError,
  ValidationError,
} from '../errors/app-errors.js';
import { buildProblem, problemShape } from '../errors/problem-details.js';
import type { AppEnv } from './app-env.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { locateInputErrors } from './request-validation-error.js';

export function problemResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const body = buildProblem(code, detail, requestId, extra);
  // c.body keeps headers already set on the context (the request id among them).
  return c.body(JSON.stringify(body), problemShape(code).status, {
    ...headers,
    'content-type': PROBLEM_CONTENT_TYPE,
  });
}

/** Hono raises these itself (the JSON validator, the body limit); we give each its own code. */
function codeForHttpException(err: HTTPException): ErrorCode {
  if (err.status === 400 && err.message.startsWith('Malformed JSON')) return 'malformed-json';
  switch (err.status) {
    case 400:
      return 'validation';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    default:
      return 'internal';
  }
}

/** The one error boundary, in three tiers. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  // Tier 1: our own errors carry a code and safe, client-facing messages.
  if (err instanceof AppError) {
    if (err instanceof StoreUnavailableError) {
      c.get('deps').logger.warn('store unavailable', { requestId: c.get('requestId'), err: err.cause });
      return problemResponse(c, err.code, err.message, err.extra, {
        'retry-after': String(err.retryAfterSeconds),
      });
    }
    if (err instanceof TooManyRequestsError) {
      return problemResponse(c, err.code, err.message, err.extra, {
        'retry-after': String(err.retryAfterSeconds),
      });
    }
    if (err instanceof ValidationError) {
      const located = locateInputErrors(err, c.req.method);
      return problemResponse(c, located.code, located.message, located.extra);
    }
    const challenge: Record<string, string> =
      err.code === 'unauthenticated' ? { 'www-authenticate': 'Bearer realm="supplyline"' } : {};
    return problemResponse(c, err.code, err.message, err.extra, challenge);
  }
  // Tier 2: Hono's HTTPException, whose messages are written by Hono for clients.
  if (err instanceof HTTPException) {
    const code = codeForHttpException(err);
    if (code !== 'internal') return problemResponse(c, code, err.message || problemShape(code).title);
  }
  // Tier 3: the unknown. The cause goes to the log; the client gets a fixed message and the request id.
  c.get('deps').logger.error('unhandled error', { requestId: c.get('requestId'), err });
  return problemResponse(
    c,
    'internal',
    'Something went wrong on our side. Quote the request id if you report it.',
  );
}
