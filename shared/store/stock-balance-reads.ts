import { emptyBalance, type StockBalance, stockBalanceSchema } from '../domain/stock.js';
import { batchGet } from './batch-get.js';
import { stockKey } from './keys.js';
import { parseRecord } from './parse-record.js';
import type { TableContext } from './table-context.js';

/**
 * Strongly consistent reads of one shelter's balances: what a versioned change is planned from,
 * and what explains a refused reservation. An item never stocked there reads as an empty
 * balance at version 0 (with the category given, so that its first write files it correctly).
 */
export async function readBalances(
  table: TableContext,
  shelterId: string,
  itemIds: readonly string[],
  categories: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, StockBalance>> {
  const items = await batchGet(
    table,
    itemIds.map((itemId) => stockKey(shelterId, itemId)),
    { consistent: true },
  );
  const balances = new Map(
    items.map((item) => parseRecord(stockBalanceSchema, item)).map((balance) => [balance.itemId, balance]),
  );
  for (const itemId of itemIds) {
    const category = categories.get(itemId) ?? '';
    const balance = balances.get(itemId);
    if (balance === undefined) balances.set(itemId, emptyBalance(shelterId, itemId, category));
    else if (balance.category === '') balance.category = category;
  }
  return balances;
}
