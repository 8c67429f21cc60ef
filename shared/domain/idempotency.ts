import { createHash } from 'node:crypto';

/**
 * Idempotency-Key handling follows the IETF httpapi draft: the first response to a key is
 * replayed for every retry; the same key with another request is refused (422); the same key
 * while the first request is still running is refused (409). Records are scoped per API key.
 */

/** The key the client sent: a structured-field string (quoted) or a bare token, 1-255 printable chars. */
export function parseIdempotencyKey(header: string | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  const unquoted =
    trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2 ? trimmed.slice(1, -1) : trimmed;
  return /^[\x21-\x7e]{1,255}$/.test(unquoted) ? unquoted : null;
}

/** Sorts object keys so that the same JSON written two ways has one fingerprint. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What makes two requests "the same": method, path and body (as JSON where it parses). */
export function requestFingerprint(method: string, path: string, rawBody: string): string {
  let body = rawBody;
  try {
    body = JSON.stringify(canonical(JSON.parse(rawBody)));
  } catch {
    // not JSON: the raw text is the fingerprint input
  }
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
}

/** A claim on a key: held while the request runs, turned into a stored response when it commits. */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  fingerprint: string;
  /** Random per claim: only the request that holds this token may complete or release the record. */
  token: string;
}

export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * What a write needs to record its response for replay, inside its own transaction. Made by the
 * HTTP layer from the request's claim and the status it will answer; use cases pass it to a store
 * operation untouched, and only the store knows how it is written.
 */
export interface IdempotencyCompletion {
  readonly claim: IdempotencyClaim;
  readonly status: number;
}
