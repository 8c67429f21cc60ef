import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from '@hono/zod-openapi';
import { type Item, itemSchema } from '../domain/item.js';
import { ConflictError, NotFoundError, StoreUnavailableError } from '../errors/app-errors.js';
import { gtin14 } from '../rules/gtin.js';
import { backoffDelay, sleep } from './backoff.js';
import { barcodeKey, itemKey, itemListKey } from './keys.js';
import type { Page } from './pagination.js';
import { parseRecord } from './parse-record.js';
import { RecordCollection } from './record-collection.js';
import { callDynamo } from './store-errors.js';
import type { TableContext } from './table-context.js';
import { sendTransaction, type TransactionWrite } from './transaction.js';

/** A barcode's claim record: which item the GTIN names (see `barcodeKey`). */
const barcodeClaimSchema = z
  .object({ itemId: z.string(), barcode: z.string(), claimedAt: z.string(), claimedBy: z.string() })
  .strict();

type ItemWrite = { of: 'item' } | { of: 'barcode'; barcode: string };

/** An update lost a race this many times in a row: the item is being changed by others right now. */
const MAX_UPDATE_ATTEMPTS = 8;

/**
 * The catalogue. An item and the claims of its barcodes are written in one transaction, so a GTIN
 * names at most one item (its claim is put under "absent") and every barcode an item lists has
 * its claim: a scan finds exactly the item that lists it.
 */
export class ItemStore {
  private readonly records: RecordCollection<Item>;

  constructor(private readonly table: TableContext) {
    this.records = new RecordCollection(table, {
      label: 'Item',
      schema: itemSchema,
      key: itemKey,
      listPartition: itemListKey,
      listSort: (item) => item.id,
      id: (item) => item.id,
    });
  }

  /** A new item; with barcodes, their claims in the same transaction (409 naming the item that has one). */
  async create(item: Item): Promise<void> {
    const barcodes = item.barcodes ?? [];
    if (barcodes.length === 0) return this.records.create(item);
    const result = await sendTransaction(this.table, [
      this.itemPut(item, {
        // Ids are chosen by people: a second create with the same id is a mistake to report.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
      ...barcodes.map((barcode) => this.claimPut(barcode, item.id, item.createdAt, item.createdBy)),
    ]);
    if (result.outcome === 'committed') return;
    const clash = result.refused.find((write) => write.of === 'barcode');
    if (clash !== undefined) throw await this.clash(clash.barcode);
    throw new ConflictError(`Item "${item.id}" already exists.`, { id: item.id });
  }

  /**
   * Replaces an item with what `plan` makes of it as stored now: the record under "its revision
   * is the one read", claims for the barcodes it gains (under "absent") and the claims of those it
   * loses deleted, in one transaction. An item changed meanwhile is read again and planned anew.
   */
  async update(itemId: string, plan: (current: Item) => Item): Promise<Item> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const current = await this.records.get(itemId, { consistent: true });
      if (current === undefined) throw new NotFoundError('Item', itemId);
      const seen = current.revision ?? 0;
      const next: Item = { ...plan(current), revision: seen + 1 };
      const before = new Set((current.barcodes ?? []).map(gtin14));
      const after = new Set((next.barcodes ?? []).map(gtin14));
      const writes: Array<TransactionWrite<ItemWrite>> = [
        this.itemPut(next, {
          // Only over the revision planned from: two updates at once never drop each other's barcodes.
          ConditionExpression:
            seen === 0
              ? 'attribute_exists(pk) AND (attribute_not_exists(revision) OR revision = :seen)'
              : 'revision = :seen',
          ExpressionAttributeValues: { ':seen': seen },
        }),
        ...(next.barcodes ?? [])
          .filter((barcode) => !before.has(gtin14(barcode)))
          .map((barcode) =>
            this.claimPut(
              barcode,
              itemId,
              next.updatedAt ?? next.createdAt,
              next.updatedBy ?? next.createdBy,
            ),
          ),
        ...(current.barcodes ?? [])
          .filter((barcode) => !after.has(gtin14(barcode)))
          .map((barcode) => this.claimDelete(barcode, itemId)),
      ];
      const result = await sendTransaction(this.table, writes);
      if (result.outcome === 'committed') return next;
      const clash = result.refused.find((write) => write.of === 'barcode');
      if (clash !== undefined) throw await this.clash(clash.barcode);
      await sleep(backoffDelay(attempt));
    }
    throw new StoreUnavailableError('This item is being changed by others right now; retry shortly.', 1);
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

  /** The item a GTIN (in its 14-digit form) belongs to: its claim, then the item. */
  async findByBarcode(code14: string): Promise<Item | undefined> {
    const itemId = await this.claimant(code14);
    return itemId === undefined ? undefined : this.get(itemId);
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

  private async claimant(code14: string): Promise<string | undefined> {
    const result = await callDynamo(() =>
      this.table.doc.send(
        new GetCommand({ TableName: this.table.tableName, Key: barcodeKey(code14), ConsistentRead: true }),
      ),
    );
    return result.Item === undefined ? undefined : parseRecord(barcodeClaimSchema, result.Item).itemId;
  }

  /** The 409 for a barcode another item holds, naming that item so the person can look at it. */
  private async clash(barcode: string): Promise<ConflictError> {
    const owner = await this.claimant(gtin14(barcode));
    return new ConflictError(
      `The barcode ${barcode} already belongs to item "${owner ?? 'another item'}": take it off that item first, or check that this is the right package.`,
      { barcode, ...(owner === undefined ? {} : { itemId: owner }) },
    );
  }

  private itemPut(
    item: Item,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): TransactionWrite<ItemWrite> {
    return {
      purpose: { of: 'item' },
      item: {
        Put: {
          TableName: this.table.tableName,
          Item: { ...itemKey(item.id), gsi1pk: itemListKey(), gsi1sk: item.id, ...item },
          ...condition,
        },
      },
    };
  }

  private claimPut(barcode: string, itemId: string, at: string, by: string): TransactionWrite<ItemWrite> {
    return {
      purpose: { of: 'barcode', barcode },
      item: {
        Put: {
          TableName: this.table.tableName,
          Item: { ...barcodeKey(gtin14(barcode)), itemId, barcode, claimedAt: at, claimedBy: by },
          // A GTIN names one item: the claim is taken only if nobody holds it.
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    };
  }

  private claimDelete(barcode: string, itemId: string): TransactionWrite<ItemWrite> {
    return {
      purpose: { of: 'barcode', barcode },
      item: {
        Delete: {
          TableName: this.table.tableName,
          Key: barcodeKey(gtin14(barcode)),
          // Only this item's own claim is given up (one another item holds is never touched).
          ConditionExpression: 'attribute_not_exists(pk) OR itemId = :itemId',
          ExpressionAttributeValues: { ':itemId': itemId },
        },
      },
    };
  }
}
