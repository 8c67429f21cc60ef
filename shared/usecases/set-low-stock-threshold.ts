import type { Principal } from '../domain/api-key.js';
import { type StockView, stockView } from '../domain/stock.js';
import { NotFoundError } from '../errors/app-errors.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

/** Logistics leads decide what "low" means per shelter and item; null removes the threshold. */
export async function setLowStockThreshold(
  shelterId: string,
  itemId: string,
  threshold: number | null,
  actor: Principal,
  deps: { stores: Pick<Stores, 'stock' | 'shelters' | 'items'>; now: () => Date },
): Promise<StockView> {
  assertShelterInScope(actor, shelterId);
  const shelter = await loadShelter(deps.stores.shelters, shelterId);
  const item = await deps.stores.items.get(itemId);
  if (item === undefined) throw new NotFoundError('Item', itemId);
  const balance = await deps.stores.stock.setThreshold(
    shelterId,
    itemId,
    item.category,
    threshold,
    deps.now().toISOString(),
  );
  return stockView(balance, shelter.population, item);
}
