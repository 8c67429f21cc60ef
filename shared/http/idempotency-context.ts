import type { Context } from 'hono';
import type { IdempotencyCompletion } from '../domain/idempotency.js';
import type { AppEnv } from './app-env.js';

/** The claim the idempotent() middleware took for this request, with the status it will answer. */
export function idempotencyFor(c: Context<AppEnv>, status: number): IdempotencyCompletion | undefined {
  const claim = c.get('idempotency');
  return claim === undefined ? undefined : { claim, status };
}
