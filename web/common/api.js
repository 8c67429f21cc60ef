// Talking to the Supplyline API from the pages: same origin only, errors as problem types.
import { problemCodeOf } from '../../shared/rules/problem-type.js';

/** @typedef {import('./api-types.js').ErrorCode} ErrorCode */
/** @typedef {import('./api-types.js').Problem} Problem */
/** @typedef {import('./api-contract.js').ApiMethod} ApiMethod */
/**
 * @template {ApiMethod} M
 * @typedef {import('./api-contract.js').ApiPath<M>} ApiPath
 */
/**
 * @template {ApiMethod} M
 * @template P
 * @typedef {import('./api-contract.js').ApiRequest<M, P>} ApiRequest
 */
/**
 * @template {ApiMethod} M
 * @template P
 * @typedef {import('./api-contract.js').ApiRequestArgument<M, P>} ApiRequestArgument
 */
/**
 * @template {ApiMethod} M
 * @template P
 * @typedef {import('./api-contract.js').ApiAnswer<M, P>} ApiAnswer
 */
/** @typedef {import('./api-contract.js').ListPath} ListPath */
/**
 * @template {ListPath} P
 * @typedef {import('./api-contract.js').ListItem<P>} ListItem
 */

/**
 * The API answered with an error. `code` is the server's error code (the problem type without its
 * URN prefix), or `http-<status>` when the answer was no problem of ours (a proxy's 502 page).
 */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Partial<Problem> | undefined} problem
   */
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    /** @type {Partial<Problem>} */
    this.problem = problem ?? {};
    const code = problemCodeOf(this.problem.type);
    /** @type {ErrorCode | `http-${number}`} */
    this.code = code === undefined ? `http-${status}` : /** @type {ErrorCode} */ (code);
  }

  /**
   * An extension member of the problem that should be text (`redeemedAt`, `validUntil`...).
   * @param {string} name
   * @returns {string | undefined}
   */
  member(name) {
    const value = this.problem[name];
    return typeof value === 'string' ? value : undefined;
  }
}

/** No answer at all: offline, a dropped connection or a timeout. The request may or may not have arrived. */
export class NetworkError extends Error {}

/**
 * A request as `apiCall` reads it, whatever the operation.
 * @typedef {{
 *   path?: Record<string, string>,
 *   query?: Record<string, string | number | boolean | undefined>,
 *   body?: unknown,
 *   headers?: Record<string, string>,
 *   timeoutMs?: number,
 * }} RequestParts
 */

/**
 * The URL of a call: the path template's `{parameters}` filled in, each encoded, and the query's
 * defined members after `?`.
 * @param {string} template
 * @param {Record<string, string | number>} [path]
 * @param {Record<string, string | number | boolean | undefined>} [query]
 */
export function urlFor(template, path = {}, query = {}) {
  const filled = template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = path[name];
    if (value === undefined) throw new Error(`${template} needs ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? filled : `${filled}?${text}`;
}

/**
 * One request, answered by the parsed JSON or thrown as ApiError / NetworkError.
 * @param {string} key
 * @param {ApiMethod} method
 * @param {string} url
 * @param {{ body?: string, headers?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<unknown>}
 */
async function send(key, method, url, { body, headers = {}, timeoutMs = 15_000 }) {
  let response;
  let text;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body,
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (err) {
    throw new NetworkError(String(err));
  }
  let data;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/**
 * One call of the API, typed by the generated client (clients/typescript/supplyline.d.ts): `path`
 * is the operation's template ('/v1/devices/{id}/pack'), the request names its parameters, body
 * and headers as the operation declares them, and the answer is the operation's success body.
 * The body is sent as JSON: the same object sends the same bytes, so a retry under one
 * Idempotency-Key is the same request.
 * @template {ApiMethod} M
 * @template {ApiPath<M>} P
 * @param {string} key
 * @param {M} method
 * @param {P} path
 * @param {ApiRequestArgument<M, P>} request
 * @returns {Promise<ApiAnswer<M, P>>}
 */
export async function apiCall(key, method, path, ...request) {
  const parts = /** @type {RequestParts} */ (request[0] ?? {});
  const url = urlFor(path, parts.path, parts.query);
  const body = parts.body === undefined ? undefined : JSON.stringify(parts.body);
  return /** @type {Promise<ApiAnswer<M, P>>} */ (
    send(key, method, url, { body, headers: parts.headers, timeoutMs: parts.timeoutMs })
  );
}

/**
 * Every page of a listing, following nextCursor, at most `max` items (what a phone will hold).
 * `request` names the listing's own parameters; the cursor and the page size are this function's.
 * @template {ListPath} P
 * @param {string} key
 * @param {P} path
 * @param {ApiRequestArgument<'GET', P>} request
 * @returns {Promise<Array<ListItem<P>>>}
 */
export async function listAll(key, path, ...request) {
  const parts = /** @type {RequestParts} */ (request[0] ?? {});
  /** @type {Array<ListItem<P>>} */
  const items = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    const query = { ...parts.query, limit: 200, ...(cursor ? { cursor } : {}) };
    const page = /** @type {{ items: Array<ListItem<P>>, nextCursor: string | null }} */ (
      await send(key, 'GET', urlFor(path, parts.path, query), {})
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < MAX_LISTED);
  return items;
}

/** What a page holds of one listing at most. */
const MAX_LISTED = 5_000;

/**
 * One API call, untyped: the path as sent, the body as a string.
 * @deprecated Use `apiCall`, typed by the generated client. Kept while pages written before it
 * (/coordinator, and pages on other branches) move over.
 * @template T
 * @param {string} key
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {{ body?: string, headers?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function api(key, method, path, options = {}) {
  return /** @type {T} */ (await send(key, method, path, options));
}

/**
 * Every page of a listing, untyped.
 * @deprecated Use `listAll`, typed by the generated client.
 * @template T
 * @param {string} key
 * @param {string} path
 * @returns {Promise<T[]>}
 */
export async function getAll(key, path, max = 5_000) {
  /** @type {T[]} */
  const items = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    /** @type {import('./api-types.js').Listing<T>} */
    const page = await api(
      key,
      'GET',
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

/**
 * Exponential backoff with jitter, capped: 1 s, 2 s, 4 s ... 15 s.
 * @param {number} attempt
 */
export function backoffMs(attempt) {
  const ceiling = Math.min(15_000, 1_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Waits, but wakes early when the device comes back online.
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function pause(ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/** A fresh idempotency key. randomUUID needs a secure context; a plain-HTTP LAN address is not one. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * The key is kept on this device only, under a name per page.
 * @typedef {'volunteer' | 'logistics' | 'coordinator'} KeyName
 */
export const savedKey = {
  /** @param {KeyName} name */
  get: (name) => localStorage.getItem(`supplyline.${name}Key`),
  /**
   * @param {KeyName} name
   * @param {string} key
   */
  set: (name, key) => localStorage.setItem(`supplyline.${name}Key`, key),
  /** @param {KeyName} name */
  forget: (name) => localStorage.removeItem(`supplyline.${name}Key`),
};
