import type { OpenAPIHono } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.js';

/**
 * The responses and headers that many operations share, each documented once under
 * `components` and referenced from every operation that can give it. The route helpers in
 * openapi-route.ts attach them, so no route can forget one.
 */

type Header = { description: string; required?: boolean; schema: Readonly<Record<string, unknown>> };

/** Response headers the API sends, by name. */
export const responseHeaders = {
  requestId: {
    'X-Request-Id': {
      description: 'Names this request in the logs; quote it when reporting a problem.',
      required: true,
      schema: { type: 'string', maxLength: 255 },
    },
  },
  retryAfter: {
    'Retry-After': {
      description: 'Seconds to wait before trying again.',
      required: true,
      schema: { type: 'integer', minimum: 0, example: 1 },
    },
  },
  wwwAuthenticate: {
    'WWW-Authenticate': {
      description: 'The scheme to authenticate with: a bearer API key.',
      required: true,
      schema: { type: 'string', example: 'Bearer realm="supplyline"' },
    },
  },
  replayed: {
    'Idempotent-Replayed': {
      description:
        'Present, as `true`, when this is the stored answer to an earlier request with the same Idempotency-Key: nothing changed this time.',
      schema: { type: 'string', enum: ['true'] },
    },
  },
  location: {
    Location: {
      description: 'The path of the created resource.',
      required: true,
      schema: { type: 'string', maxLength: 255, example: '/v1/vouchers/01J9ZQ3N4V5W6X7Y8Z9A0B1C2D' },
    },
  },
  etag: {
    ETag: {
      description: 'Version of the file; send it as `If-None-Match` to revalidate.',
      required: true,
      schema: { type: 'string', maxLength: 255 },
    },
  },
} as const satisfies Record<string, Record<string, Header>>;

/** What API Gateway answers, before the app runs, when the stage's rate or burst limit is exceeded. */
const gatewayThrottleSchema = {
  type: 'object' as const,
  properties: { message: { type: 'string' as const, example: 'Too Many Requests' } },
  required: ['message'],
};

function problem(description: string, headers: Readonly<Record<string, Header>> = {}) {
  return {
    description,
    headers: { ...responseHeaders.requestId, ...headers },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** Every shared response, by its name under `components/responses`. */
const sharedResponses = {
  BadRequest: problem(
    'Malformed JSON, a field that fails validation (each bad field is named in `errors`), or a list `cursor` this key was not given for this list and filters (`invalid-cursor`).',
  ),
  Unauthenticated: problem('Missing, unknown or revoked API key.', responseHeaders.wwwAuthenticate),
  Forbidden: problem('The key may not do this: wrong role or outside its scope.'),
  NotFound: problem('Not found, or not visible to this key.'),
  Conflict: problem('Conflicts with the current state (duplicate id, state change, insufficient stock).'),
  IdempotencyConflict: problem(
    'Conflicts with the current state (e.g. insufficient stock), or the same Idempotency-Key is still in flight.',
  ),
  PayloadTooLarge: problem('Request body larger than the limit.'),
  UnsupportedMediaType: problem('Request body is not JSON.'),
  Unprocessable: problem(
    'Idempotency-Key reused with a different request, or a request that cannot be processed.',
  ),
  IdempotencyKeyReused: problem('Idempotency-Key reused with a different request.'),
  Gone: problem('No longer usable: expired, or withdrawn (the problem type says which).'),
  TooManyAttempts: {
    description:
      'Too many attempts from this network (`rate-limited`, problem+json, with `Retry-After`), or the API gateway’s own throttle (`{message}`, neither header).',
    headers: {
      ...responseHeaders.retryAfter,
      'Retry-After': { ...responseHeaders.retryAfter['Retry-After'], required: false },
    },
    content: {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
      'application/json': { schema: gatewayThrottleSchema },
    },
  },
  Throttled: {
    description:
      'Throttled by the API gateway in front of the app (the stage’s rate and burst limits). Sent without `Retry-After` or a request id: back off with jitter and retry.',
    content: { 'application/json': { schema: gatewayThrottleSchema } },
  },
  RateLimited: {
    description:
      'Too many requests. This key used its allowance for the hour (problem+json, `rate-limited`, with `Retry-After` seconds until the next hour and the request id); or the API gateway in front throttled the request (JSON `{ message }`, with neither).',
    headers: {
      'Retry-After': { ...responseHeaders.retryAfter['Retry-After'], required: false },
      'X-Request-Id': { ...responseHeaders.requestId['X-Request-Id'], required: false },
    },
    content: {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
      'application/json': { schema: gatewayThrottleSchema },
    },
  },
  InternalError: problem('Unexpected failure; the cause is logged under the request id.'),
  Unavailable: problem(
    'Database unreachable or throttled; retry after the `Retry-After` seconds.',
    responseHeaders.retryAfter,
  ),
} as const;

export type SharedResponse = keyof typeof sharedResponses;

/** A reference to one shared response, as an operation's `responses` entry. */
export const sharedResponse = (name: SharedResponse) => ({ $ref: `#/components/responses/${name}` });

/** Puts the shared responses and the Problem schema they name under the document's components. */
export function registerSharedResponses(registry: OpenAPIHono['openAPIRegistry']) {
  registry.register('Problem', problemSchema);
  for (const [name, response] of Object.entries(sharedResponses)) {
    registry.registerComponent('responses', name, response);
  }
}
