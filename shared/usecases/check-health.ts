import type { Principal } from '../domain/api-key.js';
import type { Stores } from '../store/stores.js';

export interface Health {
  status: 'ok';
  table: 'reachable';
}

/**
 * Proves the API can reach its table. An unreachable or throttling table is the store's
 * `StoreUnavailableError`, so this answers only when all is well.
 */
export async function checkHealth(
  _input: Record<string, never>,
  _actor: Principal | undefined,
  deps: { stores: Pick<Stores, 'health'> },
): Promise<Health> {
  await deps.stores.health.ping();
  return { status: 'ok', table: 'reachable' };
}
