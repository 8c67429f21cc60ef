import type { TestApp } from './test-app.js';

/** What the stock rows say is on the shelf for one item at one shelter: 0 for a row never written. */
export async function onHandOf(t: TestApp, shelterId: string, itemId: string): Promise<number> {
  return (await t.deps.stores.stock.readBalances(shelterId, [itemId])).get(itemId)?.onHand ?? 0;
}

/** How much of one item at one shelter live vouchers hold: 0 for a row never written. */
export async function reservedOf(t: TestApp, shelterId: string, itemId: string): Promise<number> {
  return (await t.deps.stores.stock.readBalances(shelterId, [itemId])).get(itemId)?.reserved ?? 0;
}
