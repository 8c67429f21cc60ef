/**
 * The error vocabulary of Supplyline. Stores and use cases throw these; only `problem-mapping.ts`
 * knows how each becomes HTTP. SDK errors never travel past the store boundary.
 */
export type ErrorCode =
  | 'validation'
  | 'invalid-cursor'
  | 'malformed-json'
  | 'invalid-encoding'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'insufficient-stock'
  | 'idempotency-key-required'
  | 'idempotency-key-reused'
  | 'idempotency-in-flight'
  | 'unprocessable'
  | 'rate-limited'
  | 'unavailable'
  | 'internal'
  | 'voucher-unreadable'
  | 'voucher-forged'
  | 'voucher-tampered'
  | 'voucher-code-invalid'
  | 'voucher-not-found'
  | 'voucher-already-redeemed'
  | 'voucher-void'
  | 'voucher-expired'
  | 'voucher-not-yet-valid'
  | 'voucher-wrong-shelter'
  | 'voucher-held-by-device'
  | 'invitation-invalid'
  | 'invitation-expired'
  | 'invitation-used'
  | 'invitation-revoked'
  | 'count-incomplete'
  | 'count-reasons-missing'
  | 'count-needs-second-person';

export interface FieldError {
  /**
   * Dotted path to the bad value. Use cases and stores name it relative to the operation's input
   * (`lines.0.quantity`); the HTTP layer says where that input came from (`body.lines.0.quantity`).
   */
  field: string;
  message: string;
}

/** Base of every error we raise on purpose; `extra` lands in the problem body as extension members. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Input that fails a domain rule before anything is written; fields relative to the input. */
export class ValidationError extends AppError {
  override readonly name: string = 'ValidationError';
  constructor(
    message: string,
    readonly errors: FieldError[],
  ) {
    super('validation', message, { errors });
  }

  /** The same error with every field under `prefix` (a request part, a batch row). */
  locatedAt(prefix: string): ValidationError {
    return new ValidationError(
      this.message,
      this.errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message })),
    );
  }
}

/**
 * A list's `cursor` that this API did not give this key for this list read with these filters:
 * another organisation's, another list's, edited or made by hand. Nothing is read with it.
 */
export class InvalidCursorError extends AppError {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super(
      'invalid-cursor',
      'This cursor was not given to this key for this list with these filters. Read the list again without a cursor, then send each page’s nextCursor back unchanged, with the same filters.',
    );
  }
}

/** No credentials, or credentials we do not recognise (unknown or revoked key). */
export class UnauthenticatedError extends AppError {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'A valid API key is required: send it as "Authorization: Bearer <key>".') {
    super('unauthenticated', message);
  }
}

/** A known key that may not do this: wrong role or outside its scope. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The resource does not exist, or exists outside the caller's organisation (we do not say which). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(resource: string, id?: string) {
    super('not-found', id === undefined ? `${resource} not found.` : `${resource} "${id}" not found.`);
  }
}

/** The request clashes with current state: a duplicate id, a state that no longer allows the change. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('conflict', message, extra);
  }
}

/**
 * An allowance for the window is used up (a count kept in the table: a key's checks, a network's
 * invitation codes): retry after `retryAfterSeconds`.
 */
export class RateLimitedError extends AppError {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    extra: Record<string, unknown> = {},
  ) {
    super('rate-limited', message, extra);
  }
}

/** The database is unreachable, throttling us or failing transiently: the client should retry later. */
export class StoreUnavailableError extends AppError {
  override readonly name = 'StoreUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super('unavailable', message, {}, { cause });
  }
}
