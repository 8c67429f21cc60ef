// Talking to the Supplyline API from the pages: same origin only, errors as problem types.
import { problemCodeOf } from '../../shared/rules/problem-type.js';

/** @typedef {import('./api-types.js').ErrorCode} ErrorCode */
/** @typedef {import('./api-types.js').Problem} Problem */

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
 * One API call. `body` is a string, so that a retry sends exactly the same bytes (the server
 * fingerprints the body of an Idempotency-Key request). `T` is the answer the caller expects.
 * @template T
 * @param {string} key
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {{ body?: string, headers?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function api(key, method, path, { body, headers = {}, timeoutMs = 15_000 } = {}) {
  let response;
  let text;
  try {
    response = await fetch(path, {
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
 * Every page of a listing, following nextCursor; `max` bounds what a phone will hold.
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
