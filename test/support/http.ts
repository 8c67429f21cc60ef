import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { expectMatchesContract } from './contract.js';

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body): text, or bytes (a file in another encoding). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /**
   * A write (POST, PUT, PATCH) carries a fresh Idempotency-Key unless the headers name one, as
   * every client the API accepts writes from must; `false` leaves it out, to test the refusal.
   */
  idempotencyKey?: false;
  /** What the runtime hands the app beside the request (API Gateway's requestContext: the source address). */
  env?: Record<string, unknown>;
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * What a well-behaved client adds: a fresh Idempotency-Key on a write whose headers name none
 * (routes that take none ignore it). Shared by the in-process and the over-HTTP test clients.
 */
export function clientIdempotencyKey(
  method: string,
  headers: Record<string, string>,
): Record<string, string> {
  const named = Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');
  return ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()) && !named
    ? { 'idempotency-key': randomUUID() }
    : {};
}

/** Calls the app in-process, as a client would over HTTP; the answer must match the OpenAPI document. */
export async function call<T = Record<string, unknown>>(
  app: Pick<Hono, 'request'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  if (options.idempotencyKey !== false) Object.assign(headers, clientIdempotencyKey(method, headers));
  let body: string | Uint8Array | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  const response = await app.request(
    path,
    { method, headers, ...(body === undefined ? {} : { body }) },
    options.env,
  );
  const text = await response.text();
  expectMatchesContract({ method, url: path, status: response.status, headers: response.headers, text });
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** Asserts the RFC 9457 shape every error must have. */
export function isProblem(result: CallResult): boolean {
  const body = result.body as Record<string, unknown>;
  return (
    result.headers.get('content-type')?.startsWith('application/problem+json') === true &&
    typeof body.type === 'string' &&
    typeof body.title === 'string' &&
    body.status === result.status &&
    typeof body.detail === 'string' &&
    typeof body.requestId === 'string'
  );
}
