import { z } from '@hono/zod-openapi';
import { type MovementLine, movementSchema } from './movement.js';
import { addQuantities } from './quantity.js';
import type { StockBalance } from './stock.js';

/**
 * A count records what is on the shelf, even when that is less than vouchers have reserved:
 * refusing it would leave the books wrong. Such a count answers with a warning per item, naming
 * the vouchers its stock no longer backs, so that a coordinator can act before people arrive.
 */
export const countWarningSchema = z
  .object({
    itemId: z.string(),
    reserved: z.number(),
    counted: z.number(),
    /** reserved - counted: reserved stock that is not on the shelf. */
    shortfall: z.number(),
    unbackedVoucherIds: z.array(z.string()).openapi({
      description:
        'Issued vouchers holding this item at this shelter, newest first, until their quantities cover the shortfall.',
    }),
  })
  .openapi('CountWarning');
export type CountWarning = z.infer<typeof countWarningSchema>;

export const countResultSchema = movementSchema
  .extend({ warnings: z.array(countWarningSchema) })
  .openapi('CountResult');
export type CountResult = z.infer<typeof countResultSchema>;

export interface CountShortfall {
  itemId: string;
  reserved: number;
  counted: number;
  shortfall: number;
}

/**
 * The counted items that now hold less than vouchers reserved, from the balances the count left.
 * What is on the shelf is the line's balance after: what was counted for a direct count, and for
 * a count session's line what was counted plus what moved since it was counted.
 */
export function countShortfalls(
  lines: readonly MovementLine[],
  balances: readonly StockBalance[],
): CountShortfall[] {
  const after = new Map(balances.map((balance) => [balance.itemId, balance]));
  return lines.flatMap((line) => {
    const balance = after.get(line.itemId);
    const onShelf = line.balanceAfter ?? line.counted;
    if (line.counted === undefined || onShelf === undefined || balance === undefined) return [];
    const shortfall = addQuantities(balance.reserved, -onShelf);
    return shortfall > 0
      ? [{ itemId: line.itemId, reserved: balance.reserved, counted: onShelf, shortfall }]
      : [];
  });
}

/**
 * Which vouchers a shortfall leaves unbacked: the most recently issued are the ones the stock on
 * the shelf was least likely to be meant for, so they are named first, newest first, until
 * their quantities of the item cover the shortfall.
 */
export function unbackedVouchers(
  newestFirst: ReadonlyArray<{ id: string; lines: ReadonlyArray<{ itemId: string; quantity: number }> }>,
  itemId: string,
  shortfall: number,
): string[] {
  const named: string[] = [];
  let covered = 0;
  for (const voucher of newestFirst) {
    if (covered >= shortfall) break;
    const line = voucher.lines.find((l) => l.itemId === itemId);
    if (line === undefined) continue;
    named.push(voucher.id);
    covered = addQuantities(covered, line.quantity);
  }
  return named;
}
