import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StockBalance } from '../domain/stock.js';
import { stockKey } from './keys.js';
import type { TableContext } from './table-context.js';
import type { TransactItem } from './transaction.js';

/**
 * Every write of a stock balance row (`STOCK` / `<shelterId>#<itemId>`) is built here, under one
 * of two concurrency schemes that work together:
 *
 * - Reservation writes (issue, redeem, void, expire) ADD deltas under a condition on the stored
 *   figures and never read the balance first, so concurrent redemptions at one shelter never
 *   wait for each other and never overwrite one another.
 * - Versioned writes (receipts, adjustments, counts, transfers) SET a balance computed from a
 *   consistent read, under the condition that its version is still the one read; a writer that
 *   loses the race reads again. Their ledger lines carry the balance after, which a blind ADD
 *   could not know.
 *
 * Both bump `version`, so a reservation landing between a versioned writer's read and its write
 * makes that write fail and re-plan: `available` (stored as onHand - reserved, so reservation
 * conditions are plain comparisons) stays exact under any interleaving. The threshold write
 * changes no quantity and leaves the version alone.
 */

/** The conditions balance writes are guarded by, each named for the invariant it keeps. */
export const balanceGuards = {
  /** Invariant 3: a voucher is never issued that available stock (onHand - reserved) cannot honour. */
  availableCoversLine: 'available >= :quantity',
  /** Invariant 1: a redemption hands over only stock that is physically on the shelf. */
  onHandCoversLine: 'onHand >= :quantity',
  /** Invariant 3: a line leaves `reserved` only if it was reserved; reserved never goes below zero. */
  reservedCoversLine: 'reserved >= :quantity',
  /** Invariant 2: a balance is replaced only by one computed from the version it was read at. */
  unchangedSinceRead: '(attribute_not_exists(pk) OR version = :seen)',
} as const;

const allOf = (...guards: string[]) => guards.join(' AND ');

/** What a voucher does to a balance line: reserve it, hand it over, or give it back. */
export type ReservationChange = 'reserve' | 'hand-over' | 'release';

type Figure = 'onHand' | 'reserved' | 'available';

const reservationRules: Record<
  ReservationChange,
  { deltas: (quantity: number) => Partial<Record<Figure, number>>; condition: string }
> = {
  // Issue: promised to the voucher, no longer available to anyone else.
  reserve: {
    deltas: (q) => ({ reserved: q, available: -q }),
    condition: balanceGuards.availableCoversLine,
  },
  // Redeem: leaves the shelf and the reservation at once; available is unchanged.
  'hand-over': {
    deltas: (q) => ({ onHand: -q, reserved: -q }),
    condition: allOf(balanceGuards.onHandCoversLine, balanceGuards.reservedCoversLine),
  },
  // Void or expiry: the reservation goes back to available stock.
  release: {
    deltas: (q) => ({ reserved: -q, available: q }),
    condition: balanceGuards.reservedCoversLine,
  },
};

/** The expressions of one balance update, without the table and key they apply to. */
export interface BalanceUpdate {
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
}

/** The update of one voucher line's balance; pure, so its expressions can be read in a unit test. */
export function reservationUpdate(
  change: ReservationChange,
  line: { quantity: number },
  at: string,
  /** Issue stores the item's category, so that stock filters by category find the balance. */
  category?: string,
): BalanceUpdate {
  const rule = reservationRules[change];
  const values: Record<string, unknown> = { ':quantity': line.quantity, ':one': 1, ':at': at };
  const adds = Object.entries(rule.deltas(line.quantity)).map(([figure, delta]) => {
    values[`:${figure}Delta`] = delta;
    return `${figure} :${figure}Delta`;
  });
  const sets = ['updatedAt = :at'];
  if (category !== undefined) {
    sets.push('category = :category');
    values[':category'] = category;
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')} ADD ${[...adds, 'version :one'].join(', ')}`,
    ConditionExpression: rule.condition,
    ExpressionAttributeValues: values,
  };
}

export function reservationWrite(
  table: TableContext,
  shelterId: string,
  line: { itemId: string; quantity: number },
  change: ReservationChange,
  at: string,
  category?: string,
): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: stockKey(shelterId, line.itemId),
      ...reservationUpdate(change, line, at, category),
    },
  };
}

/** The update that replaces `before` (as read; version 0 when absent) by `after`; pure. */
export function versionedUpdate(before: StockBalance, after: StockBalance): BalanceUpdate {
  return {
    UpdateExpression:
      'SET onHand = :onHand, available = :available, version = :next, updatedAt = :at, shelterId = :shelterId, itemId = :itemId, category = :category, reserved = if_not_exists(reserved, :zero)',
    ConditionExpression: balanceGuards.unchangedSinceRead,
    ExpressionAttributeValues: {
      ':onHand': after.onHand,
      ':available': after.available,
      ':next': before.version + 1,
      ':seen': before.version,
      ':at': after.updatedAt,
      ':shelterId': after.shelterId,
      ':itemId': after.itemId,
      ':category': after.category,
      ':zero': 0,
    },
  };
}

export function versionedWrite(table: TableContext, before: StockBalance, after: StockBalance): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: stockKey(after.shelterId, after.itemId),
      ...versionedUpdate(before, after),
    },
  };
}

/**
 * Sets (or, with null, clears) the low-stock threshold and the cover warning level with who did
 * it and when, creating an empty balance if the item was never stocked there. Quantities are left
 * as they are, and so is a level left undefined.
 */
export interface ThresholdChange {
  shelterId: string;
  itemId: string;
  category: string;
  /** null clears it; undefined leaves it. */
  threshold?: number | null | undefined;
  /** null clears it (the shelter's level applies again); undefined leaves it. */
  coverWarningDays?: number | null | undefined;
  /** The key that set it, and when: invariant 5. */
  by: string;
  at: string;
}

export function thresholdWrite(table: TableContext, change: ThresholdChange): UpdateCommandInput {
  const common =
    'onHand = if_not_exists(onHand, :zero), reserved = if_not_exists(reserved, :zero), available = if_not_exists(available, :zero), version = if_not_exists(version, :zero), shelterId = :shelterId, itemId = :itemId, category = :category, updatedAt = if_not_exists(updatedAt, :at), thresholdSetBy = :by, thresholdSetAt = :at';
  const sets = [common];
  const removes: string[] = [];
  const values: Record<string, unknown> = {
    ':zero': 0,
    ':shelterId': change.shelterId,
    ':itemId': change.itemId,
    ':category': change.category,
    ':at': change.at,
    ':by': change.by,
  };
  for (const [attribute, value] of [
    ['lowStockThreshold', change.threshold],
    ['coverWarningDays', change.coverWarningDays],
  ] as const) {
    if (value === null) removes.push(attribute);
    else if (value !== undefined) {
      sets.push(`${attribute} = :${attribute}`);
      values[`:${attribute}`] = value;
    }
  }
  return {
    TableName: table.tableName,
    Key: stockKey(change.shelterId, change.itemId),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length === 0 ? '' : ` REMOVE ${removes.join(', ')}`}`,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
  };
}
