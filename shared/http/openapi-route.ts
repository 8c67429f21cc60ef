import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { Role } from '../domain/api-key.js';
import { idempotent } from './middleware/idempotency.js';
import { requireRole } from './middleware/require-role.js';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.js';

/** A JSON body of this schema, as OpenAPI's `content` says it. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } };

function problemResponse(description: string) {
  return { description, content: problemContent };
}

/** Error responses every route can give, documented once. */
const commonErrors = {
  400: problemResponse('Malformed JSON, or a field fails validation (each bad field is named in `errors`).'),
  413: problemResponse('Request body larger than the limit.'),
  415: problemResponse('Request body is not JSON.'),
  500: problemResponse('Unexpected failure; the cause is logged under the request id.'),
  503: problemResponse('Database unreachable or throttled; retry after the `Retry-After` seconds.'),
} as const;

const authErrors = {
  401: problemResponse('Missing, unknown or revoked API key.'),
  403: problemResponse('The key may not do this: wrong role or outside its scope.'),
} as const;

/** Extra documented failures a route can opt into. */
export const errorResponses = {
  404: problemResponse('Not found, or not visible to this key.'),
  409: problemResponse('Conflicts with the current state (duplicate id, state change, insufficient stock).'),
  422: problemResponse(
    'Idempotency-Key reused with a different request, or a request that cannot be processed.',
  ),
} as const;

/** Documented on every route that takes an Idempotency-Key. */
export const idempotencyErrors = {
  409: problemResponse(
    'Conflicts with the current state (e.g. insufficient stock), or the same Idempotency-Key is still in flight.',
  ),
  422: problemResponse('Idempotency-Key reused with a different request.'),
} as const;

type Responses = RouteConfig['responses'];

/** A public route: documented with the common errors, no security. */
export function publicRoute<R extends RouteConfig>(route: R) {
  return createRoute({
    ...route,
    responses: { ...commonErrors, ...route.responses } as R['responses'] & Responses,
  });
}

/**
 * Read by the idempotent() middleware; routes that take it list it under `request.headers` so
 * OpenAPI shows it.
 */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Makes retries safe: a replay returns the first response (kept 48 h).' }),
});

/** An authenticated route: bearer security, role check, and the auth errors documented. */
export function securedRoute<R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  roles: Role[],
  route: R,
  options: { idempotent?: boolean; storeResponse?: boolean } = {},
) {
  const middleware = options.idempotent
    ? [requireRole(...roles), idempotent({ storeResponse: options.storeResponse === true })]
    : [requireRole(...roles)];
  return createRoute({
    ...route,
    security: [{ bearerAuth: [] }],
    middleware: middleware as [ReturnType<typeof requireRole>],
    responses: { ...commonErrors, ...authErrors, ...route.responses } as R['responses'] & Responses,
    description: `${route.description ?? ''}\n\nRoles: ${roles.join(', ')}.`.trim(),
  });
}
