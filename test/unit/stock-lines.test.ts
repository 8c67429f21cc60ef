import { describe, expect, it } from 'vitest';
import type { Item, ItemUnit } from '../../shared/domain/item.js';
import { positiveQuantitySchema } from '../../shared/domain/quantity.js';
import {
  checkLinesAgainstCatalogue,
  countLinesSchema,
  linesOf,
  positiveLinesSchema,
  signedLinesSchema,
} from '../../shared/domain/stock-lines.js';

function catalogue(...items: Array<[id: string, unit: ItemUnit]>): Map<string, Item> {
  return new Map(
    items.map(([id, unit]) => [
      id,
      { id, name: id, category: 'other', unit, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'k-admin' },
    ]),
  );
}

const stock = catalogue(['rice', 'kg'], ['water', 'L'], ['blanket', 'piece'], ['soap', 'pack']);

describe('stock lines against the catalogue', () => {
  it('accepts known items, with fractions for weighed and measured units', () => {
    const lines = [
      { itemId: 'rice', quantity: 12.5 },
      { itemId: 'water', quantity: 0.75 },
      { itemId: 'blanket', quantity: 3 },
    ];
    expect(checkLinesAgainstCatalogue(lines, stock)).toEqual([]);
  });

  it('names an item missing from the catalogue at its line', () => {
    const errors = checkLinesAgainstCatalogue(
      [
        { itemId: 'rice', quantity: 1 },
        { itemId: 'lentils', quantity: 1 },
      ],
      stock,
    );
    expect(errors).toEqual([{ field: 'lines.1.itemId', message: 'no item "lentils" in the catalogue' }]);
  });

  it('wants whole numbers for counted units (pieces, packs), for quantities and counts alike', () => {
    expect(checkLinesAgainstCatalogue([{ itemId: 'blanket', quantity: 1.5 }], stock)).toEqual([
      { field: 'lines.0.quantity', message: 'blanket is counted in pieces: use a whole number' },
    ]);
    expect(checkLinesAgainstCatalogue([{ itemId: 'soap', counted: 2.25 }], stock)).toEqual([
      { field: 'lines.0.counted', message: 'soap is counted in packs: use a whole number' },
    ]);
  });

  it('reports every bad line, in order, and nothing more about an unknown item', () => {
    const errors = checkLinesAgainstCatalogue(
      [
        { itemId: 'blanket', quantity: 0.5 },
        { itemId: 'rice', quantity: 2 },
        { itemId: 'tents', quantity: 0.5 },
      ],
      stock,
    );
    expect(errors.map((error) => error.field)).toEqual(['lines.0.quantity', 'lines.2.itemId']);
  });

  it('roots the field paths where the lines sit in the input', () => {
    const errors = checkLinesAgainstCatalogue([{ itemId: 'tents', quantity: 1 }], stock, 'items');
    expect(errors[0]?.field).toBe('items.0.itemId');
  });
});

describe('the shape of a list of lines', () => {
  it('takes each item at most once', () => {
    const twice = positiveLinesSchema.safeParse([
      { itemId: 'rice', quantity: 1 },
      { itemId: 'rice', quantity: 2 },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual(['each item may appear only once']);
    expect(
      positiveLinesSchema.safeParse([
        { itemId: 'rice', quantity: 1 },
        { itemId: 'water', quantity: 2 },
      ]).success,
    ).toBe(true);
  });

  it('refuses fields it does not know rather than dropping them', () => {
    const result = positiveLinesSchema.safeParse([{ itemId: 'rice', quantity: 1, unit: 'kg' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: [0] });
  });

  it('holds from one line up to its maximum, and item ids are slugs', () => {
    const lines = linesOf({ quantity: positiveQuantitySchema }, 2);
    expect(lines.safeParse([]).success).toBe(false);
    expect(lines.safeParse([{ itemId: 'a1', quantity: 1 }]).success).toBe(true);
    expect(
      lines.safeParse([
        { itemId: 'a1', quantity: 1 },
        { itemId: 'a2', quantity: 1 },
        { itemId: 'a3', quantity: 1 },
      ]).success,
    ).toBe(false);
    expect(lines.safeParse([{ itemId: 'Rice Bags', quantity: 1 }]).success).toBe(false);
  });

  it('takes positive quantities for receipts, signed non-zero ones for adjustments, and counts from zero', () => {
    expect(positiveLinesSchema.safeParse([{ itemId: 'rice', quantity: 0 }]).success).toBe(false);
    expect(signedLinesSchema.safeParse([{ itemId: 'rice', quantity: -4 }]).success).toBe(true);
    expect(signedLinesSchema.safeParse([{ itemId: 'rice', quantity: 0 }]).success).toBe(false);
    expect(countLinesSchema.safeParse([{ itemId: 'rice', counted: 0 }]).success).toBe(true);
    expect(countLinesSchema.safeParse([{ itemId: 'rice', quantity: 3 }]).success).toBe(false);
  });
});
