// Talking to the Supplyline API from the pages: same origin only, errors as problem types.
import { problemCodeOf } from '../../shared/rules/problem-type.js';

/** @typedef {import('./api-types.js').ErrorCode} ErrorCode */
/** @typedef {import('./api-types.js').Problem} Problem */
/** @typedef {import('./api-contract.js').RequestParts} RequestParts */

/**
 * The API answered with an error. `code` is the server's error code (the problem type without its
 * URN prefix), or `http-<status>` when the answer was no problem of ours (a proxy's 502 page).
 */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Partial<Problem> | undefined} problem
   * @param {number} [retryAfterSeconds] its Retry-After (429, 503)
   */
  constructor(status, problem, retryAfterSeconds) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
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
 * @param {string} key '' for a public operation: no Authorization header at all
 * @param {string} method
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
        ...(key === '' ? {} : { authorization: `Bearer ${key}` }),
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
  if (!response.ok)
    throw new ApiError(response.status, data, Number(response.headers.get('retry-after')) || undefined);
  return data;
}

/**
 * One call of the API, typed by the generated client (api-contract.d.ts): `path` is the
 * operation's template ('/v1/devices/{id}/pack'), the request names its `path` parameters,
 * `query`, `body` and `headers` as the operation declares them, and the answer is its success
 * body. The body is sent as JSON: one object sends the same bytes on every retry.
 * @type {import('./api-contract.js').ApiCall}
 */
export const apiCall = (key, method, path, ...request) => {
  /** @type {RequestParts} */
  const parts = request[0] ?? {};
  const body = parts.body === undefined ? undefined : JSON.stringify(parts.body);
  return /** @type {Promise<any>} */ (
    send(key, method, urlFor(path, parts.path, parts.query), { ...parts, body })
  );
};

/**
 * Every page of a listing (up to 5,000 items, what a phone will hold), following nextCursor.
 * @param {string} key
 * @param {(cursor: string | null) => string} urlOfPage
 * @returns {Promise<any[]>}
 */
async function collect(key, urlOfPage) {
  const items = [];
  /** @type {string | null} */
  let cursor = null;
  do {
    const page = /** @type {{ items: unknown[], nextCursor: string | null }} */ (
      await send(key, 'GET', urlOfPage(cursor), {})
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 5_000);
  return items;
}

/**
 * Every item of a listing: `request` names its own parameters, the cursor and page size are ours.
 * @type {import('./api-contract.js').ListAll}
 */
export const listAll = (key, path, ...request) => {
  /** @type {RequestParts} */
  const parts = request[0] ?? {};
  return collect(key, (cursor) =>
    urlFor(path, parts.path, { ...parts.query, limit: 200, cursor: cursor ?? undefined }),
  );
};

/**
 * One API call, untyped: the path as sent, the body as a string.
 * @deprecated Use `apiCall`, typed by the generated client; kept while /coordinator and /admin move over.
 * @template T
 * @param {string} key
 * @param {'GET' | 'POST' | 'PATCH' | 'DELETE'} method
 * @param {string} path
 * @param {{ body?: string, headers?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function api(key, method, path, options = {}) {
  return /** @type {T} */ (await send(key, method, path, options));
}

/**
 * Every item of a listing, untyped.
 * @deprecated Use `listAll`, typed by the generated client.
 * @template T
 * @param {string} key
 * @param {string} path
 * @returns {Promise<T[]>}
 */
export function getAll(key, path) {
  const separator = path.includes('?') ? '&' : '?';
  return collect(
    key,
    (cursor) => `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
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
 * @typedef {'volunteer' | 'logistics' | 'coordinator' | 'admin'} KeyName
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
