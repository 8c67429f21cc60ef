import { StoreUnavailableError } from '../errors/app-errors.js';

/**
 * The store boundary. Transient SDK failures (throttling, conflicts between transactions, timeouts,
 * refused connections, 5xx) become `StoreUnavailableError`, which the API answers with 503 and
 * Retry-After. Everything else is rethrown for the calling store to translate into a domain error
 * (a failed condition means something specific to each operation).
 */

const transientErrorNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
]);

const transientSystemCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/** Cancellation reasons that mean "try again", not "your condition failed". */
const transientCancellationCodes = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: Array<{ Code?: string } | undefined>;
}

export function isTransientDynamoError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as SdkLikeError;
  if (e.name !== undefined && transientErrorNames.has(e.name)) return true;
  if (e.code !== undefined && transientSystemCodes.has(e.code)) return true;
  if (e.name === 'TransactionCanceledException') {
    return (e.CancellationReasons ?? []).some(
      (r) => r?.Code !== undefined && transientCancellationCodes.has(r.Code),
    );
  }
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

export function storeUnavailable(cause: unknown): StoreUnavailableError {
  return new StoreUnavailableError('The database is busy or unreachable; retry shortly.', 2, cause);
}

/** Runs one DynamoDB call, translating transient failures at the store boundary. */
export async function callDynamo<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (isTransientDynamoError(err)) throw storeUnavailable(err);
    throw err;
  }
}

/** Cancellation reasons of a TransactWriteItems failure, in item order, or undefined if it was not one. */
export function cancellationReasons(
  err: unknown,
): Array<{ Code?: string; Item?: Record<string, unknown> }> | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as SdkLikeError & {
    CancellationReasons?: Array<{ Code?: string; Item?: Record<string, unknown> }>;
  };
  return e.name === 'TransactionCanceledException' ? (e.CancellationReasons ?? []) : undefined;
}

export function isConditionFailure(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as SdkLikeError).name === 'ConditionalCheckFailedException'
  );
}
