import type { z } from '@hono/zod-openapi';
import type { Principal } from '../domain/api-key.js';
import { type Item, itemCategorySchema } from '../domain/item.js';
import { pageQuerySchema } from '../domain/page-query.js';
import type { Shelter } from '../domain/shelter.js';
import { slugSchema } from '../domain/slug.js';
import { type StockBalance, type StockView, stockView } from '../domain/stock.js';
import type { Stores } from '../store/stores.js';
import { assertShelterInScope, loadShelter } from './stock-context.js';

export const stockQuerySchema = pageQuerySchema
  .extend({
    shelterId: slugSchema.optional(),
    itemId: slugSchema.optional(),
    category: itemCategorySchema.optional(),
  })
  .strict();
export type StockQuery = z.infer<typeof stockQuerySchema>;

export interface StockPage {
  items: StockView[];
  nextCursor: string | null;
  /** DynamoDB requests this page cost: one Query plus one batch read per 100 shelters on it. */
  requests: number;
}

export type StockReadDeps = { stores: Pick<Stores, 'stock' | 'shelters' | 'items'> };

/**
 * Balances with what each means for people: available, shortfall, low stock, days of cover.
 * The page of balances is one Query; the shelters on it are one batch read per 100; the catalogue
 * is one read. Nothing is fetched per shelter.
 */
export async function listStock(
  input: StockQuery,
  viewer: Principal,
  deps: StockReadDeps,
): Promise<StockPage> {
  if (input.shelterId !== undefined) {
    assertShelterInScope(viewer, input.shelterId);
    await loadShelter(deps.stores.shelters, input.shelterId);
  }
  const scoped = viewer.role !== 'admin' && viewer.scope.shelterIds !== '*' && input.shelterId === undefined;
  const page = await deps.stores.stock.listBalances(
    {
      ...(input.shelterId === undefined ? {} : { shelterId: input.shelterId }),
      ...(input.itemId === undefined ? {} : { itemId: input.itemId }),
      ...(input.category === undefined ? {} : { category: input.category }),
      ...(scoped && viewer.scope.shelterIds !== '*' ? { shelterIds: viewer.scope.shelterIds } : {}),
    },
    input.limit,
    input.cursor,
  );
  const { views, requests } = await enrich(page.items, deps);
  return { items: views, nextCursor: page.nextCursor, requests: page.requests + requests };
}

export async function enrich(
  balances: StockBalance[],
  deps: StockReadDeps,
): Promise<{
  views: StockView[];
  requests: number;
  catalogue: Map<string, Item>;
  shelters: Map<string, Shelter>;
}> {
  const shelterIds = [...new Set(balances.map((b) => b.shelterId))];
  const shelters = await deps.stores.shelters.getMany(shelterIds);
  const catalogue = new Map((await deps.stores.items.all()).map((item) => [item.id, item]));
  const views = balances.map((balance) =>
    stockView(
      balance,
      shelters.get(balance.shelterId)?.population,
      catalogue.get(balance.itemId),
      shelters.get(balance.shelterId)?.coverWarningDays,
    ),
  );
  return { views, requests: Math.ceil(shelterIds.length / 100) + 1, catalogue, shelters };
}
