import { describe, expect, it } from 'vitest';
import { emptyBalance, type StockBalance } from '../../shared/domain/stock.js';
import { applyStockChange } from '../../shared/domain/stock-change.js';

const at = '2026-12-02T10:00:00.000Z';
const balance = (itemId: string, onHand: number, reserved: number, version = 3): StockBalance => ({
  ...emptyBalance('shelter-a', itemId, 'food'),
  onHand,
  reserved,
  available: onHand - reserved,
  version,
});
const current = new Map([
  ['rice', balance('rice', 100, 30)],
  ['water', balance('water', 10.5, 0)],
]);

describe('planning a stock change against the balances read', () => {
  it('applies signed quantities, each ledger line carrying the balance after', () => {
    const applied = applyStockChange(
      current,
      [
        { itemId: 'rice', quantity: 20 },
        { itemId: 'water', quantity: -0.25 },
      ],
      'onHand',
      at,
    );
    expect(applied.short).toEqual([]);
    expect(applied.lines).toEqual([
      { itemId: 'rice', quantity: 20, balanceAfter: 120 },
      { itemId: 'water', quantity: -0.25, balanceAfter: 10.25 },
    ]);
    expect(applied.balances.map((b) => [b.onHand, b.available, b.version, b.updatedAt])).toEqual([
      [120, 90, 4, at],
      [10.25, 10.25, 4, at],
    ]);
  });

  it('turns a count into the difference from the books, keeping what was counted', () => {
    const applied = applyStockChange(current, [{ itemId: 'rice', counted: 2 }], 'onHand', at);
    expect(applied.lines).toEqual([{ itemId: 'rice', quantity: -98, balanceAfter: 2, counted: 2 }]);
    // A count may leave less than is reserved: available goes negative, nothing is refused.
    expect(applied.short).toEqual([]);
    expect(applied.balances[0]).toMatchObject({ onHand: 2, reserved: 30, available: -28 });
  });

  it('refuses to go below zero on hand, naming the item', () => {
    const applied = applyStockChange(current, [{ itemId: 'water', quantity: -11 }], 'onHand', at);
    expect(applied.short).toEqual([{ itemId: 'water', requested: 11, onHand: 10.5, available: 10.5 }]);
  });

  it('refuses, for a transfer, to take what vouchers reserved', () => {
    expect(applyStockChange(current, [{ itemId: 'rice', quantity: -70 }], 'available', at).short).toEqual([]);
    expect(applyStockChange(current, [{ itemId: 'rice', quantity: -71 }], 'available', at).short).toEqual([
      { itemId: 'rice', requested: 71, onHand: 100, available: 70 },
    ]);
  });
});
