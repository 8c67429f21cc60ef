import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/domain/item.js';
import { daysOfCover, type StockBalance, stockView } from '../../shared/domain/stock.js';

function item(dailyNeedPerPerson?: number): Item {
  return {
    id: 'rice',
    name: 'Rice',
    category: 'food',
    unit: 'kg',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'k-admin',
    ...(dailyNeedPerPerson === undefined ? {} : { dailyNeedPerPerson }),
  };
}

function balance(onHand: number, reserved: number): StockBalance {
  return {
    shelterId: 'shelter-a',
    itemId: 'rice',
    category: 'food',
    onHand,
    reserved,
    available: onHand - reserved,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('days of cover', () => {
  it('is the available stock over what the population needs a day', () => {
    // 480 kg for 100 people eating 0.6 kg each a day.
    expect(daysOfCover(480, 100, item(0.6))).toBe(8);
    expect(daysOfCover(6000, 400, item(15))).toBe(1);
  });

  it('rounds down to a tenth of a day: a shelter is never told it has more than it has', () => {
    expect(daysOfCover(445, 100, item(0.6))).toBe(7.4); // 7.41...
    expect(daysOfCover(449.9, 100, item(0.6))).toBe(7.4); // 7.498...
    expect(daysOfCover(1, 3, item(0.1))).toBe(3.3); // 3.33...
  });

  it('is not pushed down a tenth by floating-point error on an exact figure', () => {
    // 0.9 / (3 x 0.1) is exactly 3 days, but 3 x 0.1 is 0.30000000000000004 in binary floating point.
    expect(daysOfCover(0.9, 3, item(0.1))).toBe(3);
    expect(daysOfCover(0.7, 1, item(0.1))).toBe(7);
  });

  it('is zero, never negative, when nothing is available or more is reserved than on hand', () => {
    expect(daysOfCover(0, 100, item(0.6))).toBe(0);
    expect(daysOfCover(-20, 100, item(0.6))).toBe(0);
  });

  it('is unknown where the item has no daily need, the item is unknown, or nobody lives there', () => {
    expect(daysOfCover(480, 100, item())).toBeNull();
    expect(daysOfCover(480, 100, undefined)).toBeNull();
    expect(daysOfCover(480, undefined, item(0.6))).toBeNull();
    expect(daysOfCover(480, 0, item(0.6))).toBeNull();
  });

  it('counts what is available, not what is on hand: reserved stock feeds no one else', () => {
    // 600 on hand, 120 promised to vouchers: 480 left for 100 people at 0.6 kg.
    const view = stockView(balance(600, 120), 100, item(0.6));
    expect(view).toMatchObject({ available: 480, daysOfCover: 8 });
  });
});
