import { describe, expect, it } from 'vitest';
import {
  checkRulesAgainstCatalogue,
  type RationRule,
  rationRulesSchema,
} from '../../shared/domain/entitlement-rules.js';
import { computeEntitlement, roundDays } from '../../shared/domain/entitlements.js';
import type { Item, ItemUnit } from '../../shared/domain/item.js';

const units: Record<string, ItemUnit> = {
  rice: 'kg',
  water: 'L',
  'mosquito-net': 'piece',
  'sleeping-mat': 'piece',
  soap: 'piece',
  'hygiene-kit': 'pack',
};
const unitOf = (itemId: string) => units[itemId] ?? 'piece';

const rice: RationRule = { itemId: 'rice', amount: 0.4, per: 'person-day' };
const water: RationRule = { itemId: 'water', amount: 15, per: 'person-day' };
/** The same, capped per household: no family carries 840 L home. */
const cappedWater: RationRule = { ...water, max: 300 };
const nets: RationRule = { itemId: 'mosquito-net', amount: 1, per: 'people', people: 2, max: 3 };
const mats: RationRule = { itemId: 'sleeping-mat', amount: 1, per: 'person', max: 6 };
/** 250 g of soap per person per month, in 125 g bars: 2 bars per person-month. */
const soap: RationRule = { itemId: 'soap', amount: 2, per: 'person-month' };

describe('computeEntitlement', () => {
  it.each([
    // rule, household size, days, quantity
    ['rice 0.4 kg per person per day, 14 days, 3 people', rice, 3, 14, 16.8],
    ['rice for one person over 14 days', rice, 1, 14, 5.6],
    ['water 15 L per person per day, 3 days, 4 people', water, 4, 3, 180],
    ['a net per 2 people, 1 person: one net', nets, 1, 14, 1],
    ['a net per 2 people, 3 people: a started pair counts', nets, 3, 14, 2],
    ['a net per 2 people, 9 people: at most 3', nets, 9, 14, 3],
    ['a mat per person, 4 people', mats, 4, 14, 4],
    ['a mat per person, 8 people: at most 6', mats, 8, 14, 6],
    ['soap for 4 people over a 30-day round: 8 bars', soap, 4, 30, 8],
    ['soap for 4 people over 14 days: 3.73 bars rounds up to 4', soap, 4, 14, 4],
    ['soap for 1 person over 7 days: a part bar rounds up to one', soap, 1, 7, 1],
    ['water capped at 300 L, 4 people over 14 days: 840 L capped', cappedWater, 4, 14, 300],
    ['water capped at 300 L, 1 person over 14 days: 210 L, under the cap', cappedWater, 1, 14, 210],
    ['water capped at 300 L, 2 people over 10 days: exactly the cap', cappedWater, 2, 10, 300],
    [
      'rice capped at 22.45 kg: the cap on the 0.1 kg step, never above it',
      { ...rice, max: 22.45 },
      5,
      14,
      22.4,
    ],
    [
      'rice at least 0.35 kg: the minimum on the 0.1 kg step, never below it',
      { ...rice, amount: 0.01, min: 0.35 },
      1,
      1,
      0.4,
    ],
  ] as const)('%s', (_name, rule, size, days, quantity) => {
    expect(computeEntitlement([rule], size, days, unitOf)).toEqual([{ itemId: rule.itemId, quantity }]);
  });

  it('rounds kilograms to a tenth, to the nearest by default', () => {
    const oil: RationRule = { itemId: 'rice', amount: 0.033, per: 'person-day' };
    expect(computeEntitlement([oil], 5, 7, unitOf)).toEqual([{ itemId: 'rice', quantity: 1.2 }]);
    expect(computeEntitlement([{ ...oil, round: 'down' }], 5, 7, unitOf)).toEqual([
      { itemId: 'rice', quantity: 1.1 },
    ]);
    expect(computeEntitlement([{ ...oil, round: 'up' }], 5, 7, unitOf)).toEqual([
      { itemId: 'rice', quantity: 1.2 },
    ]);
  });

  it('rounds pieces up by default, and down when the rule says so', () => {
    const kits: RationRule = { itemId: 'hygiene-kit', amount: 1, per: 'person-month' };
    expect(computeEntitlement([kits], 2, 20, unitOf)).toEqual([{ itemId: 'hygiene-kit', quantity: 2 }]);
    expect(computeEntitlement([{ ...kits, round: 'down' }], 2, 20, unitOf)).toEqual([
      { itemId: 'hygiene-kit', quantity: 1 },
    ]);
  });

  it('takes the amount of the first household-size band that fits, and the rule amount above the last', () => {
    const banded: RationRule = {
      itemId: 'hygiene-kit',
      amount: 3,
      per: 'household',
      bands: [
        { upToHouseholdSize: 2, amount: 1 },
        { upToHouseholdSize: 5, amount: 2 },
      ],
    };
    const kitsFor = (size: number) => computeEntitlement([banded], size, 14, unitOf)[0]?.quantity;
    expect([1, 2, 3, 5, 6, 12].map(kitsFor)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('gives at least the minimum and at most the maximum per household', () => {
    const atLeastTwo: RationRule = { itemId: 'water', amount: 1, per: 'person-day', min: 20, max: 40 };
    expect(computeEntitlement([atLeastTwo], 1, 3, unitOf)).toEqual([{ itemId: 'water', quantity: 20 }]);
    expect(computeEntitlement([atLeastTwo], 10, 14, unitOf)).toEqual([{ itemId: 'water', quantity: 40 }]);
  });

  it('leaves out a line that comes to nothing', () => {
    const none: RationRule = {
      itemId: 'sleeping-mat',
      amount: 1,
      per: 'household',
      bands: [{ upToHouseholdSize: 1, amount: 0 }],
    };
    expect(computeEntitlement([none, rice], 1, 14, unitOf)).toEqual([{ itemId: 'rice', quantity: 5.6 }]);
  });

  it('computes a whole ration, line by line, in rule order', () => {
    expect(computeEntitlement([rice, water, nets, mats, soap], 5, 14, unitOf)).toEqual([
      { itemId: 'rice', quantity: 28 },
      { itemId: 'water', quantity: 1050 },
      { itemId: 'mosquito-net', quantity: 3 },
      { itemId: 'sleeping-mat', quantity: 5 },
      { itemId: 'soap', quantity: 5 },
    ]);
  });
});

describe('roundDays', () => {
  it.each([
    ['two weeks from midnight to midnight', '2026-12-01T00:00:00Z', '2026-12-15T00:00:00Z', 14],
    ['a part day counts as a day', '2026-12-01T08:00:00Z', '2026-12-04T12:00:00Z', 4],
    ['a round of a few hours lasts one day', '2026-12-01T08:00:00Z', '2026-12-01T12:00:00Z', 1],
  ])('%s', (_name, from, until, days) => {
    expect(roundDays(from, until)).toBe(days);
  });
});

describe('ration rules', () => {
  const fieldsOf = (rules: unknown) => {
    const result = rationRulesSchema.safeParse(rules);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts every example the field asks for', () => {
    expect(fieldsOf([rice, water, nets, mats, soap])).toEqual([]);
  });

  it.each([
    [
      'a group size missing for per "people"',
      [{ itemId: 'mosquito-net', amount: 1, per: 'people' }],
      '0.people',
    ],
    ['a group size on another basis', [{ ...rice, people: 2 }], '0.people'],
    ['a minimum above the maximum', [{ ...mats, min: 7 }], '0.min'],
    [
      'bands out of order',
      [
        {
          ...mats,
          bands: [
            { upToHouseholdSize: 4, amount: 1 },
            { upToHouseholdSize: 2, amount: 2 },
          ],
        },
      ],
      '0.bands.1.upToHouseholdSize',
    ],
    ['two rules for one item', [rice, { ...rice, amount: 0.5 }], '1.itemId'],
    ['an unknown basis', [{ ...rice, per: 'person-week' }], '0.per'],
    ['an unknown field', [{ ...rice, unit: 'kg' }], '0'],
    ['a zero amount', [{ ...rice, amount: 0 }], '0.amount'],
  ])('names the field of %s', (_name, rules, field) => {
    expect(fieldsOf(rules)).toContain(field);
  });

  it('refuses unknown items and fractional bounds on counted items, by field', () => {
    const catalogue = new Map<string, Item>([
      [
        'sleeping-mat',
        {
          id: 'sleeping-mat',
          name: 'Mat',
          category: 'bedding',
          unit: 'piece',
          createdAt: '2026-01-01T00:00:00Z',
          createdBy: 'k-admin',
        },
      ],
    ]);
    expect(checkRulesAgainstCatalogue([{ ...mats, max: 2.5 }, rice], catalogue)).toEqual([
      { field: 'rules.0.max', message: 'sleeping-mat is counted in pieces: use a whole number' },
      { field: 'rules.1.itemId', message: 'no item "rice" in the catalogue' },
    ]);
  });
});
