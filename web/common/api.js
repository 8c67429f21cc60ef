// Talking to the Supplyline API from the pages: same origin only, errors as problem types.

const PROBLEM_PREFIX = 'urn:supplyline:problem:';

/** The API answered with an error; `code` is the problem type without its URN prefix. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    const type = String(this.problem.type ?? '');
    this.code = type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : `http-${status}`;
  }
}

/** No answer at all: offline, a dropped connection or a timeout. The request may or may not have arrived. */
export class NetworkError extends Error {}

/**
 * One API call. `body` is a string, so that a retry sends exactly the same bytes (the server
 * fingerprints the body of an Idempotency-Key request).
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

/** Every page of a listing, following nextCursor; `max` bounds what a phone will hold. */
export async function getAll(key, path, max = 5_000) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
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

/** Exponential backoff with jitter, capped: 1 s, 2 s, 4 s ... 15 s. */
export function backoffMs(attempt) {
  const ceiling = Math.min(15_000, 1_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Waits, but wakes early when the device comes back online. */
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

/** The key is kept on this device only, under a name per page. */
export const savedKey = {
  get: (name) => localStorage.getItem(`supplyline.${name}Key`),
  set: (name, key) => localStorage.setItem(`supplyline.${name}Key`, key),
  forget: (name) => localStorage.removeItem(`supplyline.${name}Key`),
};
