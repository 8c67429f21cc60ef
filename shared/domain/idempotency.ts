import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';

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

/**
 * What makes two domain operations "the same" when a use case claims a key itself (a batch row):
 * the operation's name and its input. Never equal to a request fingerprint, so a key claimed for
 * a row cannot be replayed as an HTTP request.
 */
export function operationFingerprint(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(`operation ${operation}\n${JSON.stringify(canonical(input))}`)
    .digest('hex');
}

/** A claim on a key: held while the request runs, turned into a stored response when it commits. */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  fingerprint: string;
  /** Random per claim: only the request that holds this token may complete or release the record. */
  token: string;
  /**
   * Set when the claim is optimistic: no record was written before the change, and the change's
   * own transaction writes the completed record whole, on condition that the key is still free
   * (or its record expired by `nowSeconds`); the record is kept until `ttl`.
   */
  optimistic?: { nowSeconds: number; ttl: number };
}

export interface StoredResponse {
  status: number;
  body: string;
  /**
   * The body is sealed (shared/auth/secret-sealer.ts): the answer holds a secret shown once (a
   * webhook's signing secret, a device's), which the table never holds in clear. A replay opens
   * it under `replaySealContext` of the key it was stored under.
   */
  sealed?: true;
}

/** What a replayable answer is sealed to: the API key and Idempotency-Key it answers, and nothing else. */
export function replaySealContext(apiKeyId: string, key: string): string {
  return `idempotent answer\n${apiKeyId}\n${key}`;
}

/**
 * What a write whose answer holds a secret gives its store: the completion, and the answer
 * already sealed to it (none without an Idempotency-Key). The store writes it as it writes any
 * completion, marked sealed.
 */
export interface SealedReply {
  readonly idempotency?: IdempotencyCompletion | undefined;
  readonly sealedResponse?: string | undefined;
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

/** A use case's input when the write may be retried under an Idempotency-Key. */
export interface Idempotent {
  idempotency?: IdempotencyCompletion | undefined;
}

/**
 * What a write answers, given to the store with the completion: the store records that answer
 * for replays in the write's own transaction, so both commit or neither does.
 */
export interface Reply<R> {
  readonly idempotency?: IdempotencyCompletion | undefined;
  readonly response: R;
}

/** A reply that depends on what the write commits (a line's balance after), computed by the store. */
export interface ComputedReply<C, R> {
  readonly idempotency?: IdempotencyCompletion | undefined;
  respond(committed: C): R | Promise<R>;
}

/** The stored record of a key: held while its request runs, then the response to replay. */
export const idempotencyRecordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('in_flight'), fingerprint: z.string(), token: z.string() }),
  z.object({
    state: z.literal('completed'),
    fingerprint: z.string(),
    status: z.number(),
    body: z.string(),
    sealed: z.literal(true).optional(),
  }),
]);
export type IdempotencyRecord = z.infer<typeof idempotencyRecordSchema>;
