import { z } from '@hono/zod-openapi';
import {
  COVER_WARNING_DAYS_MAX,
  DEFAULT_COVER_WARNING_DAYS,
  LOW_STOCK_THRESHOLD_MAX,
} from '../rules/alert-levels.js';
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
  /** Days of cover below which this item at this shelter raises `stock.cover-low`; the shelter's when absent. */
  coverWarningDays: z.number().optional(),
  /**
   * Who last set or cleared the threshold or the cover warning level, and when (invariant 5:
   * every change is attributable).
   */
  thresholdSetBy: z.string().optional(),
  thresholdSetAt: z.string().optional(),
  updatedAt: z.string(),
});
export type StockBalance = z.infer<typeof stockBalanceSchema>;

export const coverWarningDaysSchema = z.number().min(0).max(COVER_WARNING_DAYS_MAX);

/**
 * The alert levels of one item at one shelter. Each is optional (a field left out is left as it
 * is) and `null` clears it: the threshold then raises no `stock.low`, the cover level follows the
 * shelter's.
 */
export const lowStockThresholdSchema = z
  .object({
    lowStockThreshold: z.number().min(0).max(LOW_STOCK_THRESHOLD_MAX).nullable().optional().openapi({
      description: 'Available stock at or under this is low (`stock.low`); null clears it.',
    }),
    coverWarningDays: coverWarningDaysSchema.nullable().optional().openapi({
      description:
        'Days of cover under which this item here raises `stock.cover-low`, instead of the shelter’s level; null follows the shelter’s again.',
    }),
  })
  .strict()
  .refine((levels) => levels.lowStockThreshold !== undefined || levels.coverWarningDays !== undefined, {
    message: 'send lowStockThreshold, coverWarningDays or both',
  })
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
    coverWarningDays: z.number().openapi({
      description: 'Days of cover under which this balance raises `stock.cover-low`.',
    }),
    coverWarningDaysFrom: z.enum(['item', 'shelter', 'default']).openapi({
      description:
        'Where that level is set: for this item at this shelter, for the shelter, or the default (3 days).',
    }),
    coverLow: z.boolean().openapi({ description: 'Days of cover are known and under the warning level.' }),
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

/** The cover warning level a balance is judged by: its own, else its shelter's, else the default. */
export function coverWarningLevel(
  balance: Pick<StockBalance, 'coverWarningDays'>,
  shelterCoverWarningDays: number | undefined,
): { days: number; from: StockView['coverWarningDaysFrom'] } {
  if (balance.coverWarningDays !== undefined) return { days: balance.coverWarningDays, from: 'item' };
  if (shelterCoverWarningDays !== undefined) return { days: shelterCoverWarningDays, from: 'shelter' };
  return { days: DEFAULT_COVER_WARNING_DAYS, from: 'default' };
}

export function stockView(
  balance: StockBalance,
  population: number | undefined,
  item: Item | undefined,
  shelterCoverWarningDays?: number,
): StockView {
  const available = roundQuantity(balance.onHand - balance.reserved);
  const threshold = balance.lowStockThreshold ?? null;
  const cover = daysOfCover(available, population, item);
  const level = coverWarningLevel(balance, shelterCoverWarningDays);
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
    daysOfCover: cover,
    coverWarningDays: level.days,
    coverWarningDaysFrom: level.from,
    coverLow: cover !== null && cover < level.days,
    updatedAt: balance.updatedAt,
  };
}
