import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../domain/api-key.js';
import type { AppEnv } from './app-env.js';
import { idempotent } from './middleware/idempotency.js';
import { strictJsonText } from './middleware/json-text.js';
import { locationOfCreated } from './middleware/location.js';
import { requireRole } from './middleware/require-role.js';
import { responseHeaders, sharedResponse } from './openapi-responses.js';

/** A JSON body of this schema, as OpenAPI's `content` says it. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** Error responses every route can give, documented once. 429 comes from the gateway in front. */
const commonErrors = {
  400: sharedResponse('BadRequest'),
  413: sharedResponse('PayloadTooLarge'),
  415: sharedResponse('UnsupportedMediaType'),
  429: sharedResponse('Throttled'),
  500: sharedResponse('InternalError'),
  503: sharedResponse('Unavailable'),
} as const;

const authErrors = {
  401: sharedResponse('Unauthenticated'),
  403: sharedResponse('Forbidden'),
} as const;

/** Extra documented failures a route can opt into. */
export const errorResponses = {
  404: sharedResponse('NotFound'),
  409: sharedResponse('Conflict'),
  410: sharedResponse('Gone'),
  422: sharedResponse('Unprocessable'),
  /** A per-key allowance kept by the app, besides the gateway's throttle every route documents. */
  429: sharedResponse('RateLimited'),
} as const;

/** A 429 of the app's own count per source address (invitation codes), beside the gateway's. */
export const attemptLimitResponse = sharedResponse('TooManyAttempts');

/** Documented on every route that takes an Idempotency-Key. */
export const idempotencyErrors = {
  409: sharedResponse('IdempotencyConflict'),
  422: sharedResponse('IdempotencyKeyReused'),
} as const;

type Responses = RouteConfig['responses'];

/** What every operation must say of itself: a unique operationId and at least one tag. */
interface Named {
  operationId: string;
  tags: [string, ...string[]];
}

/**
 * Adds the headers every answer of the app carries (the request id), and `extra` to the success
 * answers, to the responses a route states; shared responses already name theirs.
 */
function withHeaders<R extends Responses>(responses: R, extra: Record<number, object> = {}): R {
  const out: Responses = {};
  for (const [status, response] of Object.entries(responses)) {
    out[status] =
      '$ref' in response
        ? response
        : {
            ...response,
            headers: {
              ...responseHeaders.requestId,
              ...extra[Number(status)],
              ...(response.headers as object | undefined),
            },
          };
  }
  return out as R;
}

/** A public route: documented with the common errors, and `security: []` to say no key is needed. */
export function publicRoute<R extends Omit<RouteConfig, 'security'> & Named>(route: R) {
  return createRoute({
    ...route,
    security: [],
    responses: { ...commonErrors, ...withHeaders(route.responses) } as R['responses'] & Responses,
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

export interface SecuredOptions {
  /** Takes an Idempotency-Key: replays are answered from the store, with `Idempotent-Replayed`. */
  idempotent?: boolean;
  /**
   * See idempotent(): the write is one transaction that records its answer for replays (the use
   * case passes `idempotencyFor(c, status)` to its store), so no claim is written before it.
   * Only for such writes: one that answers 2xx without that transaction would not be idempotent.
   */
  recordedInTransaction?: boolean;
  /** See idempotent(): for a write of many commits, whose answer is stored after the handler. */
  storeResponse?: boolean;
  /** The collection a 201 creates in: its answer's `Location` is this path and the new `id`. */
  location?: string;
}

/** For idempotentWriteRoute: a write of one transaction that records its own answer (see recordedInTransaction). */
export const inTransaction = { recordedInTransaction: true } as const satisfies SecuredOptions;

/** Headers of the success answers, by status, that the options make the app send. */
function successHeaders(options: SecuredOptions): Record<number, object> {
  const replayed = options.idempotent ? responseHeaders.replayed : {};
  const created = options.location === undefined ? {} : responseHeaders.location;
  return { 200: replayed, 201: { ...replayed, ...created } };
}

/** An authenticated route: bearer security, role check, and the auth errors documented. */
export function securedRoute<R extends Omit<RouteConfig, 'middleware' | 'security'> & Named>(
  roles: Role[],
  route: R,
  options: SecuredOptions = {},
) {
  // The Location is added outside idempotent(), so a replayed 201 carries it too.
  const middleware: MiddlewareHandler<AppEnv>[] = [requireRole(...roles), strictJsonText];
  if (options.location !== undefined) middleware.push(locationOfCreated(options.location));
  if (options.idempotent) {
    middleware.push(
      idempotent({
        storeResponse: options.storeResponse === true,
        optimistic: options.recordedInTransaction === true,
      }),
    );
  }
  return createRoute({
    ...route,
    security: [{ bearerAuth: [] }],
    middleware: middleware as [ReturnType<typeof requireRole>],
    responses: {
      ...commonErrors,
      ...authErrors,
      ...withHeaders(route.responses, successHeaders(options)),
    } as R['responses'] & Responses,
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
> extends Named {
  /** A PUT or PATCH takes the key too where a retry after a lost answer must answer what the first did. */
  method: 'post' | 'put' | 'patch';
  path: Path;
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
  options: Omit<SecuredOptions, 'idempotent'> = {},
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
