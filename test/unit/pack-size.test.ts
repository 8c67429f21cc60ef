import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPackSizes,
  findPackSize,
  packSizesSchema,
  unitsInPacks,
} from '../../shared/domain/pack-size.js';
import { unpackLines } from '../../shared/domain/stock-lines.js';

describe('pack sizes', () => {
  it('counts packs in the item’s own unit: 3 cases of 24 are 72, 3 sacks of 12.5 kg are 37.5', () => {
    expect(unitsInPacks(3, { units: 24 })).toBe(72);
    expect(unitsInPacks(3, { units: 12.5 })).toBe(37.5);
    // Three decimals, no float drift: 3 x 0.1 L is 0.3 L, not 0.30000000000000004.
    expect(unitsInPacks(3, { units: 0.1 })).toBe(0.3);
  });

  it('gives whole packs of whole units a whole number, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), (packs, units) => {
        expect(unitsInPacks(packs, { units })).toBe(packs * units);
      }),
    );
  });

  it('finds a pack by its name however it is capitalised', () => {
    const sizes = [
      { name: 'Case', units: 24 },
      { name: 'sack', units: 25 },
    ];
    expect(findPackSize(sizes, 'case')).toEqual({ name: 'Case', units: 24 });
    expect(findPackSize(sizes, 'SACK')?.units).toBe(25);
    expect(findPackSize(sizes, 'pallet')).toBeUndefined();
    expect(findPackSize(undefined, 'case')).toBeUndefined();
  });

  it('refuses a second pack of one name, and part of a piece', () => {
    const twice = packSizesSchema.safeParse([
      { name: 'case', units: 24 },
      { name: 'Case', units: 12 },
    ]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['1.name']);
    expect(checkPackSizes([{ name: 'bale', units: 2.5 }], { name: 'piece', countable: true })).toEqual([
      { field: 'packSizes.0.units', message: 'the item is counted in pieces: use a whole number' },
    ]);
    expect(checkPackSizes([{ name: 'sack', units: 12.5 }], { name: 'kg', countable: false })).toEqual([]);
  });
});

describe('receipt lines in packs', () => {
  const catalogue = new Map([
    [
      'water',
      {
        id: 'water',
        name: 'Water',
        category: 'water' as const,
        unit: 'L' as const,
        packSizes: [{ name: 'case', units: 18 }],
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 'k',
      },
    ],
  ]);

  it('multiplies packs out into the item’s unit and keeps how they were counted', () => {
    expect(
      unpackLines(
        [
          { itemId: 'water', packs: 3, pack: 'CASE' },
          { itemId: 'rice', quantity: 12.5 },
        ],
        catalogue,
      ),
    ).toEqual({
      lines: [
        { itemId: 'water', quantity: 54, packed: { packs: 3, pack: 'case', unitsPerPack: 18 } },
        { itemId: 'rice', quantity: 12.5 },
      ],
      errors: [],
    });
  });

  it('names the packs an item comes in when a line names another', () => {
    expect(unpackLines([{ itemId: 'water', packs: 1, pack: 'pallet' }], catalogue).errors).toEqual([
      { field: 'lines.0.pack', message: 'water comes in "case": name one of those, or send quantity' },
    ]);
  });
});
