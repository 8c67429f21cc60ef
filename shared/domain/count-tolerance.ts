import { z } from '@hono/zod-openapi';
import { countedQuantitySchema } from './quantity.js';

/**
 * How far a count may differ from the books before a second person must approve it (issue 23:
 * "default 2% or 1 unit"). The rule, precisely:
 *
 *   allowed = max(units, percent% of the balance on record at the line's count time)
 *   a line needs approval when |counted − recorded| > allowed
 *
 * The percentage is of what the books said (the figure being corrected), not of what was
 * counted, so counting nothing where the books say 40 is a difference of 40 against an allowance
 * of max(1, 0.8) = 1. Where the books say 0, the allowance is `units`: one stray blanket found is
 * within tolerance, two are not. Percent and units are each the item's own when it sets them.
 */
export const countToleranceSchema = z
  .object({
    percent: z
      .number()
      .min(0)
      .max(100)
      .refine((value) => Number.isInteger(value * 100), 'at most two decimal places')
      .openapi({ description: 'Share of the balance on record, in percent.', example: 2 }),
    units: countedQuantitySchema.openapi({
      description: 'At least this many units (kg, L, pieces, packs), however small the balance.',
      example: 1,
    }),
  })
  .strict()
  .openapi('CountTolerance', {
    description:
      'A count line needs a reason and a second person’s approval when |counted − recorded| > max(units, percent% of recorded). Default: 2% or 1 unit.',
  });
export type CountTolerance = z.infer<typeof countToleranceSchema>;

export const DEFAULT_COUNT_TOLERANCE: CountTolerance = { percent: 2, units: 1 };

/** Quantities carry three decimals: the rule is decided in thousandths, exactly, with no float drift. */
const MILLI = 1000;
const milli = (value: number) => Math.round(value * MILLI);

/**
 * The largest difference allowed without approval, rounded down to the quantity precision (a
 * share of 24.6915 kg allows 24.691 kg: never more than the rule says).
 */
export function allowedDifference(
  recorded: number,
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): number {
  // percent has at most two decimals: percent × 100 is whole, so the share in thousandths is
  // recorded(milli) × percent(hundredths) / 10,000, an exact integer division rounded down.
  const share = Math.floor((Math.abs(milli(recorded)) * Math.round(tolerance.percent * 100)) / 10_000);
  return Math.max(milli(tolerance.units), share) / MILLI;
}

/** True when a counted line differs from the books by more than its tolerance allows. */
export function exceedsTolerance(difference: number, allowed: number): boolean {
  return Math.abs(milli(difference)) > milli(allowed);
}
