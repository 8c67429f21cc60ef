import { z } from '@hono/zod-openapi';
import type { Item } from './item.js';
import { roundQuantity } from './quantity.js';

/** A stock balance as stored: one per (shelter, item). */
export const stockBalanceSchema = z.object({
  shelterId: z.string(),
  itemId: z.string(),
  category: z.string(),
  onHand: z.number(),
  /** Promised to vouchers still issued. */
  reserved: z.number(),
  /**
   * Always onHand - reserved, stored so that voucher writes can be guarded by a plain condition
   * (`available >= :q`) and applied with ADD, without reading the balance first.
   */
  available: z.number(),
  /** Bumped by every change of a quantity; writers use it for optimistic concurrency. */
  version: z.number().int(),
  lowStockThreshold: z.number().optional(),
  /** Who last set or cleared the threshold, and when (invariant 5: every change is attributable). */
  thresholdSetBy: z.string().optional(),
  thresholdSetAt: z.string().optional(),
  updatedAt: z.string(),
});
export type StockBalance = z.infer<typeof stockBalanceSchema>;

export const lowStockThresholdSchema = z
  .object({ lowStockThreshold: z.number().min(0).max(10_000_000).nullable() })
  .strict()
  .openapi('LowStockThreshold');
export type LowStockThresholdInput = z.infer<typeof lowStockThresholdSchema>;

export const stockViewSchema = z
  .object({
    shelterId: z.string(),
    itemId: z.string(),
    category: z.string(),
    unit: z.string().optional(),
    onHand: z.number(),
    reserved: z.number(),
    available: z.number().openapi({ description: 'onHand - reserved; negative means a shortfall.' }),
    shortfall: z
      .number()
      .openapi({ description: 'How much reserved stock is not on hand (reserved - onHand, at least 0).' }),
    lowStockThreshold: z.number().nullable(),
    lowStock: z.boolean(),
    daysOfCover: z.number().nullable().openapi({
      description: 'available / (population × daily need per person); null when no need is known.',
    }),
    updatedAt: z.string(),
  })
  .openapi('StockBalance');

export type StockView = z.infer<typeof stockViewSchema>;

export function emptyBalance(shelterId: string, itemId: string, category: string): StockBalance {
  return {
    shelterId,
    itemId,
    category,
    onHand: 0,
    reserved: 0,
    available: 0,
    version: 0,
    updatedAt: new Date(0).toISOString(),
  };
}

/**
 * Days the available stock lasts the shelter's current population at the item's daily need per
 * person. Unknown (null) where the item has no daily need or nobody lives there.
 */
export function daysOfCover(
  available: number,
  population: number | undefined,
  item: Pick<Item, 'dailyNeedPerPerson'> | undefined,
): number | null {
  const need = item?.dailyNeedPerPerson;
  if (need === undefined || population === undefined || population <= 0) return null;
  // Rounded to the quantity precision before flooring, so that float error on an exact figure
  // (0.9 / (3 x 0.1) = 2.9999...) does not take a tenth of a day off.
  return Math.max(0, Math.floor(roundQuantity((available / (population * need)) * 10)) / 10);
}

export function stockView(
  balance: StockBalance,
  population: number | undefined,
  item: Item | undefined,
): StockView {
  const available = roundQuantity(balance.onHand - balance.reserved);
  const threshold = balance.lowStockThreshold ?? null;
  return {
    shelterId: balance.shelterId,
    itemId: balance.itemId,
    category: balance.category,
    ...(item === undefined ? {} : { unit: item.unit }),
    onHand: balance.onHand,
    reserved: balance.reserved,
    available,
    shortfall: Math.max(0, roundQuantity(balance.reserved - balance.onHand)),
    lowStockThreshold: threshold,
    lowStock: available < 0 || (threshold !== null && available <= threshold),
    daysOfCover: daysOfCover(available, population, item),
    updatedAt: balance.updatedAt,
  };
}
