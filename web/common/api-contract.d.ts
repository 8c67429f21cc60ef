// The API as the generated client describes it (clients/typescript/supplyline.d.ts, written from
// the server's OpenAPI document by `npm run generate:client`), in the shapes web/common/api.js's
// `apiCall` takes and answers. Types only: nothing here reaches a browser. A page that calls a
// path the API does not have, leaves out a path parameter, sends a body of the wrong shape or
// reads a field the answer does not have fails `tsc -p web`.

import type { components, paths } from '../../clients/typescript/supplyline.js';

/** The schemas of the document, by name: `Schema<'Shelter'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The operation at `P` under method `M`, or never. */
type Operation<M extends ApiMethod, P> = P extends keyof paths
  ? Lowercase<M> extends keyof paths[P]
    ? NonNullable<paths[P][Lowercase<M>]>
    : never
  : never;

/** Every path template that has an operation under `M` ('/v1/devices/{id}/pack'). */
export type ApiPath<M extends ApiMethod> = {
  [P in keyof paths]: [Operation<M, P>] extends [never] ? never : P;
}[keyof paths];

/** A part of the request, as the operation declares it: never when it has none. */
type Part<O, Name extends 'path' | 'query' | 'header'> = O extends { parameters: infer Parameters }
  ? Name extends keyof Parameters
    ? NonNullable<Parameters[Name]>
    : never
  : never;

type JsonBody<O> = O extends { requestBody?: infer Body }
  ? NonNullable<Body> extends { content: { 'application/json': infer Json } }
    ? Json
    : never
  : never;

/** `{ name: T }` when T is something, required when T has a required member, else nothing. */
type Member<Name extends string, T> = [T] extends [never]
  ? unknown
  : Record<string, never> extends T
    ? { [K in Name]?: T }
    : { [K in Name]: T };

/**
 * What a call sends besides its method and path: `path` fills the template's `{parameters}`,
 * `query` is written after `?` (members left undefined are left out), `body` is sent as JSON,
 * `headers` are the operation's own (the Idempotency-Key of a write).
 */
export type ApiRequest<M extends ApiMethod, P> = Member<'path', Part<Operation<M, P>, 'path'>> &
  Member<'query', Part<Operation<M, P>, 'query'>> &
  Member<'body', JsonBody<Operation<M, P>>> &
  Member<'headers', Part<Operation<M, P>, 'header'>> & {
    /** The call gives up after this long (15 s unless said). */
    timeoutMs?: number;
  };

/** The request argument: optional when the operation requires nothing of it. */
export type ApiRequestArgument<M extends ApiMethod, P> =
  Record<string, never> extends Omit<ApiRequest<M, P>, 'timeoutMs'>
    ? [request?: ApiRequest<M, P>]
    : [request: ApiRequest<M, P>];

type Success = 200 | 201 | 202 | 204;

/** The JSON the operation answers when it succeeds (undefined for 204). */
export type ApiAnswer<M extends ApiMethod, P> =
  Operation<M, P> extends { responses: infer Responses }
    ? {
        [S in keyof Responses & Success]: Responses[S] extends { content: { 'application/json': infer Json } }
          ? Json
          : undefined;
      }[keyof Responses & Success]
    : never;

/** Paths whose GET answers one page of a listing: `{ items, nextCursor }`. */
export type ListPath = {
  [P in ApiPath<'GET'>]: ApiAnswer<'GET', P> extends { items: unknown[]; nextCursor: string | null }
    ? P
    : never;
}[ApiPath<'GET'>];

/** One item of a listing's pages. */
export type ListItem<P extends ListPath> =
  ApiAnswer<'GET', P> extends { items: Array<infer Item> } ? Item : never;

/** A request as `apiCall` reads it, whatever the operation. */
export interface RequestParts {
  path?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** `apiCall`: one operation of the contract, its request and its answer. */
export type ApiCall = <M extends ApiMethod, P extends ApiPath<M>>(
  key: string,
  method: M,
  path: P,
  ...request: ApiRequestArgument<M, P>
) => Promise<ApiAnswer<M, P>>;

/** `listAll`: every item of a listing, its own parameters named as the operation declares them. */
export type ListAll = <P extends ListPath>(
  key: string,
  path: P,
  ...request: ApiRequestArgument<'GET', P>
) => Promise<Array<ListItem<P>>>;
