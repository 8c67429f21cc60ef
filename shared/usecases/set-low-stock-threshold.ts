import type { Principal } from '../domain/api-key.js';
import { type LowStockThresholdInput, type StockView, stockView } from '../domain/stock.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export type SetThresholdInput = { shelterId: string; itemId: string } & LowStockThresholdInput;

/**
 * Logistics leads decide what "low" means per shelter and item: the low-stock threshold, and the
 * days of cover under which the item warns there (else the shelter's level); null removes either.
 * The balance records who set them and when.
 */
export async function setLowStockThreshold(
  input: SetThresholdInput,
  actor: Principal,
  deps: { stores: Pick<Stores, 'stock' | 'shelters' | 'items'>; now: () => Date },
): Promise<StockView> {
  assertShelterInScope(actor, input.shelterId);
  const shelter = await loadShelter(deps.stores.shelters, input.shelterId);
  const item = await deps.stores.items.get(input.itemId);
  if (item === undefined) throw new NotFoundError('Item', input.itemId);
  const balance = await deps.stores.stock.setThreshold({
    shelterId: input.shelterId,
    itemId: input.itemId,
    category: item.category,
    threshold: input.lowStockThreshold,
    coverWarningDays: input.coverWarningDays,
    by: actor.keyId,
    at: deps.now().toISOString(),
  });
  return stockView(balance, shelter.population, item, shelter.coverWarningDays);
}
