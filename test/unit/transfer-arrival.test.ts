import { describe, expect, it } from 'vitest';
import { emptyBalance, type StockBalance } from '../../shared/domain/stock.js';
import { applyStockChanges } from '../../shared/domain/stock-change.js';
import { transferIdOfWaybill, waybillUrl } from '../../shared/rules/waybill.js';

const at = '2026-12-02T10:00:00.000Z';
const balance = (itemId: string, onHand: number, reserved = 0, version = 4): StockBalance => ({
  ...emptyBalance('shelter-b', itemId, 'food'),
  onHand,
  reserved,
  available: onHand - reserved,
  version,
});

describe('a transfer’s arrival and its discrepancy, applied in order', () => {
  it('gives each step its own ledger lines, each with the balance after the steps before it', () => {
    const applied = applyStockChanges(
      new Map([
        ['rice', balance('rice', 40, 10)],
        ['water', balance('water', 0)],
      ]),
      [
        [
          { itemId: 'rice', quantity: 100 },
          { itemId: 'water', quantity: 30 },
        ],
        [{ itemId: 'rice', quantity: -8 }],
      ],
      'onHand',
      at,
    );
    expect(applied.short).toEqual([]);
    expect(applied.lines).toEqual([
      [
        { itemId: 'rice', quantity: 100, balanceAfter: 140 },
        { itemId: 'water', quantity: 30, balanceAfter: 30 },
      ],
      [{ itemId: 'rice', quantity: -8, balanceAfter: 132 }],
    ]);
  });

  it('writes every balance once, one version on from the one read, with what the steps left', () => {
    const applied = applyStockChanges(
      new Map([['rice', balance('rice', 40, 10)]]),
      [[{ itemId: 'rice', quantity: 100 }], [{ itemId: 'rice', quantity: -100 }]],
      'onHand',
      at,
    );
    expect(applied.balances).toEqual([
      { ...balance('rice', 40, 10), onHand: 40, available: 30, version: 5, updatedAt: at },
    ]);
  });

  it('judges the floor step by step: nothing arrived of what was sent never goes below zero', () => {
    const applied = applyStockChanges(
      new Map([['rice', balance('rice', 0)]]),
      [[{ itemId: 'rice', quantity: 5 }], [{ itemId: 'rice', quantity: -5 }]],
      'onHand',
      at,
    );
    expect(applied.short).toEqual([]);
    expect(applied.balances[0]?.onHand).toBe(0);
  });
});

describe('the waybill’s QR code', () => {
  it('names the desk’s receive form of the transfer, and is read back to the transfer id', () => {
    const url = waybillUrl('https://api.example.org', 'tr-01kb8z7n2q4j3m5x6y7z8a9b0c');
    expect(url).toBe('https://api.example.org/desk#transfer=tr-01kb8z7n2q4j3m5x6y7z8a9b0c');
    expect(transferIdOfWaybill(url)).toBe('tr-01kb8z7n2q4j3m5x6y7z8a9b0c');
  });

  it('names no transfer for other addresses or made-up ids', () => {
    expect(
      transferIdOfWaybill('https://api.example.org/dashboard#transfer=tr-01kb8z7n2q4j3m5x6y7z8a9b0c'),
    ).toBeUndefined();
    expect(transferIdOfWaybill('https://api.example.org/desk#transfer=../../admin')).toBeUndefined();
    expect(transferIdOfWaybill('supplyline:item:rice')).toBeUndefined();
  });
});
