import { type Item, itemSchema } from '../domain/item.js';
import { itemKey, itemListKey } from './keys.js';
import type { Page } from './pagination.js';
import { RecordCollection } from './record-collection.js';
import type { TableContext } from './table-context.js';

export class ItemStore {
  private readonly records: RecordCollection<Item>;

  constructor(table: TableContext) {
    this.records = new RecordCollection(table, {
      label: 'Item',
      schema: itemSchema,
      key: itemKey,
      listPartition: itemListKey,
      listSort: (item) => item.id,
      id: (item) => item.id,
    });
  }

  create(item: Item): Promise<void> {
    return this.records.create(item);
  }

  get(itemId: string): Promise<Item | undefined> {
    return this.records.get(itemId);
  }

  getMany(itemIds: readonly string[]): Promise<Map<string, Item>> {
    return this.records.getMany(itemIds);
  }

  list(limit: number, cursor?: string): Promise<Page<Item>> {
    return this.records.list(itemListKey(), limit, cursor);
  }

  /** The whole catalogue: a few dozen items, read in pages of 200 for stock views and exports. */
  async all(): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(200, cursor);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return items;
  }
}
