import { buildWorld, type World } from './fixtures.js';
import { type CallResult, call } from './http.js';
import type { TestApp } from './test-app.js';
import { stockShelter } from './voucher-fixtures.js';

/** buildWorld's, with 300 kg of rice and 50 blankets at shelter A to send; shelter B holds nothing. */
export async function buildTransferWorld(t: TestApp): Promise<World> {
  const world = await buildWorld(t);
  await stockShelter(t, world.logistics, 'shelter-a', [
    { itemId: 'rice', quantity: 300 },
    { itemId: 'blanket', quantity: 50 },
  ]);
  return world;
}

/** POST /v1/transfers as `key`: shelter A to shelter B unless the test names others. */
export function dispatch(
  t: TestApp,
  key: string,
  lines: unknown,
  from = 'shelter-a',
  to = 'shelter-b',
): Promise<CallResult> {
  return call(t.app, 'POST', '/v1/transfers', { key, body: { fromShelterId: from, toShelterId: to, lines } });
}
