import { describe, expect, it } from 'vitest';
import { emptyBalance } from '../../shared/domain/stock.js';
import { countShortfalls, unbackedVouchers } from '../../shared/domain/stock-count.js';

describe('a count below what vouchers reserved', () => {
  it('finds each counted item now holding less than is reserved', () => {
    const balances = [
      { ...emptyBalance('shelter-a', 'rice', 'food'), onHand: 2, reserved: 19 },
      { ...emptyBalance('shelter-a', 'water', 'water'), onHand: 50, reserved: 20 },
    ];
    const lines = [
      { itemId: 'rice', quantity: -3877, balanceAfter: 2, counted: 2 },
      { itemId: 'water', quantity: 0, balanceAfter: 50, counted: 50 },
    ];
    expect(countShortfalls(lines, balances)).toEqual([
      { itemId: 'rice', reserved: 19, counted: 2, shortfall: 17 },
    ]);
  });

  it('names the newest vouchers holding the item until their quantities cover the shortfall', () => {
    const newestFirst = [
      { id: 'v5', lines: [{ itemId: 'water', quantity: 9 }] },
      { id: 'v4', lines: [{ itemId: 'rice', quantity: 8 }] },
      { id: 'v3', lines: [{ itemId: 'rice', quantity: 6 }] },
      { id: 'v2', lines: [{ itemId: 'rice', quantity: 5 }] },
      { id: 'v1', lines: [{ itemId: 'rice', quantity: 5 }] },
    ];
    expect(unbackedVouchers(newestFirst, 'rice', 9)).toEqual(['v4', 'v3']);
    expect(unbackedVouchers(newestFirst, 'rice', 14)).toEqual(['v4', 'v3']);
    expect(unbackedVouchers(newestFirst, 'rice', 14.5)).toEqual(['v4', 'v3', 'v2']);
    expect(unbackedVouchers(newestFirst, 'blanket', 1)).toEqual([]);
  });
});
