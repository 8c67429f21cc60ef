import type { Context } from 'hono';
import type { IdempotentResponse } from '../usecases/stock-context.js';
import type { AppEnv } from './app-env.js';

/** The claim the idempotent() middleware took for this request, with the status it will answer. */
export function idempotencyFor(c: Context<AppEnv>, status: number): IdempotentResponse | undefined {
  const claim = c.get('idempotency');
  return claim === undefined ? undefined : { claim, status };
}
