import { describe, expect, it } from 'vitest';
import {
  allowedDifference,
  countToleranceSchema,
  DEFAULT_COUNT_TOLERANCE,
  exceedsTolerance,
} from '../../shared/domain/count-tolerance.js';

describe('count tolerance: max(units, percent% of the balance on record)', () => {
  it.each([
    // recorded, allowed by default (2% or 1 unit, whichever is larger)
    [0, 1],
    [10, 1],
    [50, 1],
    [75, 1.5],
    [200, 4],
    [3890, 77.8],
    [1234.567, 24.691],
  ])('on a balance of %s the default allows a difference of %s', (recorded, allowed) => {
    expect(allowedDifference(recorded)).toBe(allowed);
  });

  it('rounds a share down to the quantity precision, never allowing more than the rule says', () => {
    // 2% of 1234.5675 is 24.69135: 24.691 is allowed, 24.692 is not.
    expect(allowedDifference(1234.5675)).toBe(24.691);
    expect(exceedsTolerance(24.691, allowedDifference(1234.5675))).toBe(false);
    expect(exceedsTolerance(24.692, allowedDifference(1234.5675))).toBe(true);
  });

  it('needs approval only beyond the allowance, over or under the books alike', () => {
    const allowed = allowedDifference(200);
    expect(exceedsTolerance(4, allowed)).toBe(false);
    expect(exceedsTolerance(-4, allowed)).toBe(false);
    expect(exceedsTolerance(4.001, allowed)).toBe(true);
    expect(exceedsTolerance(-4.001, allowed)).toBe(true);
  });

  it('takes the percentage of the books, not of what was counted: an empty shelf where the books say 40', () => {
    expect(exceedsTolerance(-40, allowedDifference(40))).toBe(true);
  });

  it('where the books say nothing, allows the units: one blanket found passes, two do not', () => {
    expect(exceedsTolerance(1, allowedDifference(0))).toBe(false);
    expect(exceedsTolerance(2, allowedDifference(0))).toBe(true);
  });

  it("uses the item's own tolerance when it has one, exactly (no float drift at 0.1%)", () => {
    const strict = { percent: 0, units: 0 };
    expect(allowedDifference(500, strict)).toBe(0);
    expect(exceedsTolerance(0.001, allowedDifference(500, strict))).toBe(true);
    expect(exceedsTolerance(0, allowedDifference(500, strict))).toBe(false);
    const loose = { percent: 10, units: 5 };
    expect(allowedDifference(30, loose)).toBe(5);
    expect(allowedDifference(300, loose)).toBe(30);
    expect(allowedDifference(3000, { percent: 0.1, units: 0 })).toBe(3);
  });

  it('defaults to 2% or 1 unit', () => {
    expect(DEFAULT_COUNT_TOLERANCE).toEqual({ percent: 2, units: 1 });
  });

  it('refuses tolerances that are not a share and a quantity', () => {
    expect(countToleranceSchema.safeParse({ percent: 2, units: 1 }).success).toBe(true);
    expect(countToleranceSchema.safeParse({ percent: 101, units: 1 }).success).toBe(false);
    expect(countToleranceSchema.safeParse({ percent: -1, units: 1 }).success).toBe(false);
    expect(countToleranceSchema.safeParse({ percent: 2.005, units: 1 }).success).toBe(false);
    expect(countToleranceSchema.safeParse({ percent: 2, units: -1 }).success).toBe(false);
    expect(countToleranceSchema.safeParse({ percent: 2 }).success).toBe(false);
    expect(countToleranceSchema.safeParse({ percent: 2, units: 1, extra: 0 }).success).toBe(false);
  });
});
