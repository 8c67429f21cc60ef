import type { ShortItem } from '../errors/stock-errors.js';
import type { MovementLine } from './movement.js';
import { addQuantities } from './quantity.js';
import type { StockBalance } from './stock.js';

/** How a line was counted when it came in packs: 3 `case`s of 24 (the ledger keeps it beside the 72). */
export interface PackCount {
  packs: number;
  pack: string;
  unitsPerPack: number;
}

/** One line of a planned change to one shelter's stock: a signed change, or what a count found. */
export type PlannedLine =
  | { itemId: string; quantity: number; packed?: PackCount }
  | { itemId: string; counted: number };

/**
 * How low a change may take a balance. `onHand`: never below zero (receipts, adjustments, counts:
 * reality can leave less than vouchers reserved, never less than nothing). `available`: a removal
 * never takes what vouchers have reserved (dispatching a transfer).
 */
export type StockFloor = 'onHand' | 'available';

export interface AppliedChange {
  /** The ledger lines, each with the on-hand balance right after it. */
  lines: MovementLine[];
  /** The balances after the change, each one version on from the one it was computed from. */
  balances: StockBalance[];
  /** Lines the floor refuses: when any, nothing may be written. */
  short: ShortItem[];
}

/**
 * Applies planned lines to the balances they were read from. Pure: the store reads, this
 * decides, the store writes under the condition that nothing changed in between. A count's
 * change is the difference between what was counted and what the books say now.
 */
export function applyStockChange(
  current: ReadonlyMap<string, StockBalance>,
  planned: readonly PlannedLine[],
  floor: StockFloor,
  at: string,
): AppliedChange {
  const lines: MovementLine[] = [];
  const balances: StockBalance[] = [];
  const short: ShortItem[] = [];
  for (const line of planned) {
    const before = current.get(line.itemId);
    if (before === undefined) throw new Error(`no balance read for ${line.itemId}`);
    const delta = 'counted' in line ? addQuantities(line.counted, -before.onHand) : line.quantity;
    const onHand = addQuantities(before.onHand, delta);
    const lowest = floor === 'available' && delta < 0 ? before.reserved : 0;
    if (onHand < lowest) {
      short.push({
        itemId: line.itemId,
        requested: -delta,
        onHand: before.onHand,
        available: addQuantities(before.onHand, -before.reserved),
      });
    }
    balances.push({
      ...before,
      onHand,
      available: addQuantities(onHand, -before.reserved),
      version: before.version + 1,
      updatedAt: at,
    });
    lines.push({
      itemId: line.itemId,
      quantity: delta,
      balanceAfter: onHand,
      ...('counted' in line ? { counted: line.counted } : {}),
      ...('packed' in line && line.packed !== undefined ? line.packed : {}),
    });
  }
  return { lines, balances, short };
}

/**
 * Several changes to one shelter's stock in one transaction, applied in order (a transfer's
 * arrival, then its discrepancy): each gives its own ledger lines, each line's balance after the
 * changes before it; every balance is written once, at the end, one version on from the one read.
 */
export function applyStockChanges(
  current: ReadonlyMap<string, StockBalance>,
  steps: ReadonlyArray<readonly PlannedLine[]>,
  floor: StockFloor,
  at: string,
): { lines: MovementLine[][]; balances: StockBalance[]; short: ShortItem[] } {
  const working = new Map(current);
  const lines: MovementLine[][] = [];
  const short: ShortItem[] = [];
  for (const planned of steps) {
    const applied = applyStockChange(working, planned, floor, at);
    lines.push(applied.lines);
    short.push(...applied.short);
    for (const balance of applied.balances) working.set(balance.itemId, balance);
  }
  const touched = [...new Set(steps.flatMap((planned) => planned.map((line) => line.itemId)))];
  const balances = touched.map((itemId) => {
    const after = working.get(itemId) as StockBalance;
    return { ...after, version: (current.get(itemId) as StockBalance).version + 1 };
  });
  return { lines, balances, short };
}
