import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Movement, MovementLine } from '../domain/movement.js';
import { addQuantities } from '../domain/quantity.js';
import { emptyBalance, type StockBalance } from '../domain/stock.js';
import { StoreUnavailableError } from '../errors/app-errors.js';
import { InsufficientStockError, type ShortItem } from '../errors/stock-errors.js';
import { backoffDelay, sleep } from './backoff.js';
import { batchGet } from './batch-get.js';
import { memberOf } from './filter-expressions.js';
import type { TransactItem } from './idempotency-store.js';
import { movementKey, STOCK_PARTITION, stockKey, stockShelterPrefix } from './keys.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';
import { callDynamo, cancellationReasons } from './store-errors.js';
import { type TableContext, withoutKeys } from './table-context.js';
import { transactOnce } from './transact-once.js';

/** One line of a planned change to one shelter's stock. */
export interface PlannedLine {
  itemId: string;
  /** Signed change to on-hand stock. */
  delta: number;
  /** Physical counts: the counted figure, kept in the ledger line. */
  counted?: number;
}

export interface StockChange {
  shelterId: string;
  /** Category per item, stored on balances so stock can be filtered by category. */
  categories: ReadonlyMap<string, string>;
  /** Decides the lines from the current balances (a count needs them; a receipt ignores them). */
  plan: (balances: ReadonlyMap<string, StockBalance>) => PlannedLine[];
  itemIds: readonly string[];
  /**
   * `onHand`: stock may not go below zero (adjustments, counts).
   * `available`: stock may not go below what vouchers have reserved (dispatching a transfer).
   */
  floor: 'onHand' | 'available';
  movement: Omit<Movement, 'id' | 'lines' | 'shelterId'>;
  /** Other writes that must commit with this change (a transfer record, the idempotency record). */
  extraItems?: (movement: Movement) => TransactItem[];
  /** Turns a failed condition on one of the extra items into the right domain error. */
  onExtraItemRejected?: (index: number) => Error;
}

const MAX_ATTEMPTS = 60;

/**
 * Stock balances and the ledger. Every change is one transaction: the new balances, guarded by the
 * version each was read at (so no concurrent change is overwritten), and the ledger entry carrying
 * each line's balance after. A writer that loses a race reads again and retries with backoff.
 */
export class StockStore {
  constructor(private readonly table: TableContext) {}

  async commit(change: StockChange): Promise<{ movement: Movement; balances: StockBalance[] }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.readBalances(change.shelterId, change.itemIds, change.categories);
      const lines = change.plan(current);
      const next = this.applyLines(change, current, lines);
      const at = change.movement.at;
      const movement: Movement = {
        ...change.movement,
        id: ulid(Date.parse(at)),
        shelterId: change.shelterId,
        lines: lines.map((line): MovementLine => {
          const after = next.get(line.itemId);
          return {
            itemId: line.itemId,
            quantity: line.delta,
            balanceAfter: after?.onHand ?? 0,
            ...(line.counted === undefined ? {} : { counted: line.counted }),
          };
        }),
      };
      const stockItems = lines.map((line) =>
        this.balanceWrite(current.get(line.itemId), next.get(line.itemId), at),
      );
      const extras = change.extraItems?.(movement) ?? [];
      try {
        await transactOnce(this.table, [
          ...stockItems,
          {
            Put: {
              TableName: this.table.tableName,
              Item: { ...movementKey(change.shelterId, movement.id), ...movement },
              // A ledger entry is written once and never replaced.
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...extras,
        ]);
        return { movement, balances: [...next.values()] };
      } catch (err) {
        const reasons = cancellationReasons(err);
        if (reasons !== undefined) {
          const extraIndex = reasons.findIndex(
            (r, i) => i > stockItems.length && r.Code === 'ConditionalCheckFailed',
          );
          if (extraIndex !== -1 && change.onExtraItemRejected !== undefined) {
            throw change.onExtraItemRejected(extraIndex - stockItems.length - 1);
          }
        }
        // Cancelled, so nothing was written: a balance changed since we read it, another
        // transaction held an item, or we were throttled. Read again and plan anew.
        // (A transaction whose outcome is unknown never gets here: transactOnce resends it.)
        if (reasons === undefined) throw err;
        await sleep(backoffDelay(attempt));
      }
    }
    throw new StoreUnavailableError('Too many simultaneous changes to this stock; retry shortly.', 1);
  }

  private applyLines(
    change: StockChange,
    current: ReadonlyMap<string, StockBalance>,
    lines: PlannedLine[],
  ): Map<string, StockBalance> {
    const next = new Map<string, StockBalance>();
    const short: ShortItem[] = [];
    for (const line of lines) {
      const balance = current.get(line.itemId) ?? emptyBalance(change.shelterId, line.itemId, '');
      const onHand = addQuantities(balance.onHand, line.delta);
      const floor = change.floor === 'available' && line.delta < 0 ? balance.reserved : 0;
      if (onHand < floor) {
        short.push({
          itemId: line.itemId,
          requested: -line.delta,
          onHand: balance.onHand,
          available: addQuantities(balance.onHand, -balance.reserved),
        });
      }
      next.set(line.itemId, {
        ...balance,
        onHand,
        version: balance.version + 1,
        updatedAt: change.movement.at,
      });
    }
    if (short.length > 0) throw new InsufficientStockError(change.shelterId, short);
    return next;
  }

  private balanceWrite(
    before: StockBalance | undefined,
    after: StockBalance | undefined,
    at: string,
  ): TransactItem {
    if (after === undefined) throw new Error('planned line without a balance');
    return {
      Update: {
        TableName: this.table.tableName,
        Key: stockKey(after.shelterId, after.itemId),
        UpdateExpression:
          'SET onHand = :onHand, available = :available, version = :next, updatedAt = :at, shelterId = :shelterId, itemId = :itemId, category = :category, reserved = if_not_exists(reserved, :zero)',
        // Invariant 2 under races: write only over the exact balance the ledger line was computed from.
        ConditionExpression: 'attribute_not_exists(pk) OR version = :seen',
        ExpressionAttributeValues: {
          ':onHand': after.onHand,
          ':available': addQuantities(after.onHand, -after.reserved),
          ':next': (before?.version ?? 0) + 1,
          ':seen': before?.version ?? 0,
          ':at': at,
          ':shelterId': after.shelterId,
          ':itemId': after.itemId,
          ':category': after.category,
          ':zero': 0,
        },
      },
    };
  }

  /** Strongly consistent reads of the balances a change is planned from. */
  async readBalances(
    shelterId: string,
    itemIds: readonly string[],
    categories: ReadonlyMap<string, string> = new Map(),
  ): Promise<Map<string, StockBalance>> {
    const items = await batchGet(
      this.table,
      itemIds.map((itemId) => stockKey(shelterId, itemId)),
      { consistent: true },
    );
    const balances = new Map(items.map((item) => withoutKeys<StockBalance>(item)).map((b) => [b.itemId, b]));
    for (const itemId of itemIds) {
      if (!balances.has(itemId))
        balances.set(itemId, emptyBalance(shelterId, itemId, categories.get(itemId) ?? ''));
      const balance = balances.get(itemId);
      if (balance !== undefined && balance.category === '') balance.category = categories.get(itemId) ?? '';
    }
    return balances;
  }

  /** Sets the low-stock threshold; creates an empty balance if the item was never stocked there. */
  async setThreshold(
    shelterId: string,
    itemId: string,
    category: string,
    threshold: number | null,
    at: string,
  ) {
    const base = {
      TableName: this.table.tableName,
      Key: stockKey(shelterId, itemId),
      ExpressionAttributeValues: {
        ':zero': 0,
        ':shelterId': shelterId,
        ':itemId': itemId,
        ':category': category,
        ':at': at,
        ...(threshold === null ? {} : { ':threshold': threshold }),
      },
      ReturnValues: 'ALL_NEW' as const,
    };
    const common =
      'onHand = if_not_exists(onHand, :zero), reserved = if_not_exists(reserved, :zero), available = if_not_exists(available, :zero), version = if_not_exists(version, :zero), shelterId = :shelterId, itemId = :itemId, category = :category, updatedAt = if_not_exists(updatedAt, :at)';
    const result = await callDynamo(() =>
      this.table.doc.send(
        new UpdateCommand({
          ...base,
          UpdateExpression:
            threshold === null
              ? `SET ${common} REMOVE lowStockThreshold`
              : `SET ${common}, lowStockThreshold = :threshold`,
        }),
      ),
    );
    return withoutKeys<StockBalance>(result.Attributes ?? {});
  }

  /**
   * Balances in key order: one shelter's (a key range) or every shelter's. A page is one Query,
   * however many shelters it spans: the cost grows with rows read, never with shelters.
   */
  async listBalances(
    filter: { shelterId?: string; itemId?: string; category?: string; shelterIds?: readonly string[] },
    limit: number,
    cursor?: string,
  ): Promise<Page<StockBalance> & { requests: number }> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': STOCK_PARTITION };
    if (filter.itemId !== undefined) {
      conditions.push('itemId = :itemId');
      values[':itemId'] = filter.itemId;
    }
    if (filter.category !== undefined) {
      conditions.push('category = :category');
      values[':category'] = filter.category;
    }
    if (filter.shelterIds !== undefined) conditions.push(memberOf('shelterId', filter.shelterIds, values));
    let keyCondition = 'pk = :pk';
    if (filter.shelterId !== undefined) {
      keyCondition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = stockShelterPrefix(filter.shelterId);
    }
    const result = await callDynamo(() =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: keyCondition,
          ...(conditions.length === 0 ? {} : { FilterExpression: conditions.join(' AND ') }),
          ExpressionAttributeValues: values,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, { pk: STOCK_PARTITION }),
        }),
      ),
    );
    return {
      items: (result.Items ?? []).map((item) => withoutKeys<StockBalance>(item)),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
      requests: 1,
    };
  }
}
