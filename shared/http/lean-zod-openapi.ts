// What the deployed API function imports in place of '@hono/zod-openapi' (scripts/lib/lean-openapi.ts
// swaps it in at bundling): the same request validation, none of the OpenAPI machinery. The
// document is generated at build time and served from the file beside the bundle, so a cold start
// builds no registry, no schema metadata and no generator (~35 KB of bundle and the clone of a
// schema for every `.openapi()` call). Tests and `npm start` run the real package; a test runs the
// bundle (test/integration/lambda-bundle.test.ts) to hold the two to the same answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono, type MiddlewareHandler, type Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { bundleFolderOf } from '../config/bundle-folder.js';
import { BUNDLED_DOCUMENT } from './openapi-document.js';

// `.openapi(...)` only describes a schema for the document: here it is the schema itself.
const prototype = z.ZodType.prototype as unknown as { openapi?: unknown };
prototype.openapi ??= function openapi(this: unknown) {
  return this;
};

export { z };

type AnyRoute = {
  method: string;
  path: string;
  middleware?: MiddlewareHandler | MiddlewareHandler[];
  hide?: boolean;
  request?: {
    query?: z.ZodType;
    params?: z.ZodType;
    headers?: z.ZodType;
    cookies?: z.ZodType;
    body?: { required?: boolean; content?: Record<string, { schema?: unknown } | undefined> };
  };
};

type Hook = Parameters<typeof zValidator>[2];

/** As '@hono/zod-openapi' makes it: the route, with Hono's form of its path. */
export const createRoute = <R extends AnyRoute>(route: R) =>
  Object.defineProperty({ ...route }, 'getRoutingPath', {
    enumerable: false,
    value: () => route.path.replaceAll(/\/{(.+?)}/g, '/:$1'),
  }) as R & { getRoutingPath(): string };

const isZod = (x: unknown): x is z.ZodType =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { safeParse?: unknown }).safeParse === 'function' &&
  typeof (x as { parseAsync?: unknown }).parseAsync === 'function';

// The media-type rules of '@hono/zod-openapi' 1.6, unchanged (a JSON body route takes only JSON).
const isJson = (contentType: string) => /^application\/([a-z-.]+\+)?json/i.test(contentType);
const jsonRequest = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const isForm = (contentType: string) => {
  const lower = contentType.toLowerCase();
  return lower.startsWith('multipart/form-data') || lower.startsWith('application/x-www-form-urlencoded');
};
const multipartRequest = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i;
const urlencodedRequest = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === '*/*') return true;
  if (isJson(mediaType)) return jsonRequest.test(contentType);
  if (isForm(mediaType)) return multipartRequest.test(contentType) || urlencodedRequest.test(contentType);
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType.endsWith('/*')) return essence.startsWith(mediaType.slice(0, -1).toLowerCase());
  return essence === mediaType.toLowerCase();
}

async function hasRequestBody(c: Context): Promise<boolean> {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Validates the body of one media type, or takes an absent optional body as `{}`. */
function bodyValidator(
  target: 'json' | 'form',
  schema: z.ZodType,
  hook: Hook,
  required: boolean,
  matches: (contentType: string) => boolean,
): MiddlewareHandler {
  const validator = zValidator(target, schema, hook) as unknown as MiddlewareHandler;
  if (required) return validator;
  return async (c, next) => {
    const contentType = c.req.header('content-type');
    if (contentType && matches(contentType)) return await validator(c, next);
    c.req.addValidatedData(target, {});
    await next();
  };
}

/** The validators '@hono/zod-openapi' puts before a route's handler, in its order. */
function validatorsOf(route: AnyRoute, hook: Hook): MiddlewareHandler[] {
  const request = route.request;
  const validators: MiddlewareHandler[] = [];
  for (const [target, schema] of [
    ['query', request?.query],
    ['param', request?.params],
    ['header', request?.headers],
    ['cookie', request?.cookies],
  ] as const) {
    if (schema) validators.push(zValidator(target, schema, hook) as unknown as MiddlewareHandler);
  }
  const content = request?.body?.content;
  if (!content) return validators;
  const mediaTypes = Object.keys(content);
  const validated = (mediaType: string) =>
    isZod(content[mediaType]?.schema) && (isJson(mediaType) || isForm(mediaType));
  if (mediaTypes.some(validated)) {
    validators.push(async (c: Context, next: Next) => {
      const contentType = c.req.header('content-type');
      if (contentType) {
        if (!mediaTypes.some((mediaType) => matchesMediaType(contentType, mediaType)))
          throw new HTTPException(415, { message: 'Unsupported Media Type' });
      } else if (await hasRequestBody(c)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      await next();
    });
  }
  const required = request?.body?.required === true;
  for (const mediaType of mediaTypes) {
    const schema = content[mediaType]?.schema;
    if (!isZod(schema)) continue;
    if (isJson(mediaType)) validators.push(bodyValidator('json', schema, hook, required, isJson));
    if (isForm(mediaType)) validators.push(bodyValidator('form', schema, hook, required, isForm));
  }
  return validators;
}

/**
 * A route's validators as one middleware, made on the route's first request: making them reads
 * the route's schemas, which the deployed build constructs on first use (scripts/lib/lean-sources.ts),
 * so a cold start builds the schemas of the routes it serves and no others. They run in order,
 * as Hono would run them registered one by one: a validator that answers (a hook's Response)
 * ends the chain with that answer.
 */
function validatedOnFirstUse(make: () => MiddlewareHandler[]): MiddlewareHandler {
  let validators: MiddlewareHandler[] | undefined;
  return async (c, next) => {
    validators ??= make();
    const run = async (i: number): Promise<Response | undefined> => {
      const validator = validators?.[i];
      if (validator === undefined) {
        await next();
        return undefined;
      }
      const answer = await validator(c, async () => {
        const inner = await run(i + 1);
        if (inner !== undefined) c.res = inner;
      });
      return answer instanceof Response ? answer : undefined;
    };
    return run(0);
  };
}

let here: string | undefined;

/** The document generated at build time, read from beside the bundle on first request. */
function bundledDocument(): unknown {
  here ??= bundleFolderOf(import.meta.url);
  return JSON.parse(readFileSync(join(here, BUNDLED_DOCUMENT), 'utf8'));
}

/** Takes what the app registers for the document and keeps none of it. */
const noRegistry = {
  definitions: [] as unknown[],
  register: <T>(_name: string, schema: T) => schema,
  registerComponent: () => undefined,
  registerParameter: <T>(_name: string, schema: T) => schema,
  registerPath: () => undefined,
  registerWebhook: () => undefined,
};

// biome-ignore lint/suspicious/noExplicitAny: stands in for the real class, typed by the real package.
export class OpenAPIHono<E extends Record<string, any> = any> extends Hono<E> {
  readonly openAPIRegistry = noRegistry;
  readonly defaultHook: Hook | undefined;

  constructor(init: { defaultHook?: Hook } = {}) {
    super();
    this.defaultHook = init.defaultHook;
  }

  openapi = ({ middleware, ...route }: AnyRoute, handler: MiddlewareHandler, hook?: Hook) => {
    const own = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
    const validate = validatedOnFirstUse(() => validatorsOf(route, hook ?? this.defaultHook));
    this.on([route.method], [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')], ...own, validate, handler);
    return this;
  };

  /** The built document, whatever configuration is passed: it was generated with the app's own. */
  getOpenAPI31Document = (_config?: unknown) => bundledDocument();
}
