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
  'idempotency-key': z.string().min(1).max(255).openapi({
    description:
      'Required: a unique string per intended change (a UUID), sent again unchanged on retry. A replay returns the first response (kept 48 h); without it the write is refused with 400 idempotency-key-required.',
    example: '2f6c1d0e-5b7a-4e8f-9c3d-1a2b3c4d5e6f',
  }),
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

/** One idempotent write as its route file states it: what it takes, and its one success answer. */
export interface IdempotentWrite<
  Path extends string,
  Params extends z.ZodObject | undefined,
  Body extends z.ZodType,
  Status extends number,
  Result extends z.ZodType,
> {
  method: 'post';
  path: Path;
  tags: string[];
  summary: string;
  description?: string;
  params?: Params;
  body: Body;
  /** False for a body that may be left out altogether (void takes an optional reason). */
  bodyRequired?: boolean;
  success: { status: Status; description: string; schema: Result };
  /** False where no whole request can name something absent (a batch answers that per row). */
  notFound?: boolean;
}

type IdempotentRequest<Params, Body extends z.ZodType> = (Params extends z.ZodObject
  ? { params: Params }
  : object) & {
  headers: typeof idempotencyHeaders;
  body: { required: boolean; content: ReturnType<typeof jsonContent<Body>> };
};

type IdempotentResponses<Status extends number, Result extends z.ZodType> = Record<
  Status,
  { description: string; content: ReturnType<typeof jsonContent<Result>> }
> & { 404?: (typeof errorResponses)[404] } & typeof idempotencyErrors;

/**
 * A secured write that takes an Idempotency-Key: the header and a JSON body documented, the
 * success answer, 404 and the idempotency failures. The route types stay inferred, so a
 * handler's `c.req.valid('json')` and `c.json(x, status)` are checked against these schemas.
 */
export function idempotentWriteRoute<
  Path extends string,
  Body extends z.ZodType,
  Status extends number,
  Result extends z.ZodType,
  Params extends z.ZodObject | undefined = undefined,
>(
  roles: Role[],
  write: IdempotentWrite<Path, Params, Body, Status, Result>,
  options: { storeResponse?: boolean } = {},
) {
  const { params, body, bodyRequired = true, success, notFound = true, ...docs } = write;
  const request = {
    ...(params === undefined ? {} : { params }),
    headers: idempotencyHeaders,
    body: { required: bodyRequired, content: jsonContent(body) },
  } as IdempotentRequest<Params, Body>;
  const responses = {
    [success.status]: { description: success.description, content: jsonContent(success.schema) },
    ...(notFound ? { 404: errorResponses[404] } : {}),
    ...idempotencyErrors,
  } as IdempotentResponses<Status, Result>;
  return securedRoute(roles, { ...docs, request, responses }, { idempotent: true, ...options });
}
