import { type FieldError, ValidationError } from '../errors/app-errors.js';

/**
 * A request that fails its schema, raised by the HTTP layer itself: its fields already name the
 * request part (`body.lines.0.quantity`, `query.cursor`, `header.Idempotency-Key`), so the error
 * handler passes them on as they are.
 */
export class RequestValidationError extends ValidationError {
  override readonly name = 'RequestValidationError';
  constructor(message: string, errors: FieldError[]) {
    super(message, errors);
  }
}

/**
 * Where a use case's input came from, for its relative field paths: the body of a write, the
 * query string of a read.
 */
export function locateInputErrors(err: ValidationError, method: string): ValidationError {
  if (err instanceof RequestValidationError) return err;
  const part = method === 'GET' || method === 'HEAD' || method === 'DELETE' ? 'query' : 'body';
  return new RequestValidationError(err.message, err.locatedAt(part).errors);
}
