import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rationRulesSchema } from '../../shared/domain/entitlement-rules.js';
import { computeEntitlement } from '../../shared/domain/entitlements.js';
import type { Item, ItemUnit } from '../../shared/domain/item.js';
import { describeRule, ruleTemplates } from '../../web/coordinator/rule-templates.js';

/** The demo catalogue's units (scripts/lib/demo-data.ts): soap comes in packs there. */
const units: Record<string, ItemUnit> = {
  rice: 'kg',
  water: 'L',
  'mosquito-net': 'piece',
  'sleeping-mat': 'piece',
  soap: 'pack',
};
const unitOf = (itemId: string) => units[itemId] ?? 'piece';
const template = (id: string) => {
  const found = ruleTemplates.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no template ${id}`);
  return found.rule;
};

describe('the ration templates /coordinator offers', () => {
  it('are rules the server accepts, one per item', () => {
    expect(rationRulesSchema.safeParse(ruleTemplates.map((t) => t.rule)).success).toBe(true);
  });

  it.each([
    // template, household size, days, what the server computes
    ['water for a family of four over two weeks: the 300 L cap, not 840 L', 'water', 4, 14, 300],
    ['water for one person over two weeks: 210 L, under the cap', 'water', 1, 14, 210],
    ['water for a family of eight over three days: 360 L capped to 300 L', 'water', 8, 3, 300],
    ['rice for a family of four over two weeks', 'rice', 4, 14, 22.4],
    ['nets for a family of eight: at most 3', 'mosquito-net', 8, 14, 3],
    ['mats for a family of eight: at most 6', 'sleeping-mat', 8, 14, 6],
    ['soap for a family of eight over two weeks: 7.47 packs, rounded up', 'soap', 8, 14, 8],
  ] as const)('computes %s', (_name, id, size, days, quantity) => {
    expect(computeEntitlement([template(id)], size, days, unitOf)).toEqual([{ itemId: id, quantity }]);
  });

  describe('in words, from the rule’s own data', () => {
    beforeEach(() => {
      Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => {} } });
    });
    afterEach(() => {
      Reflect.deleteProperty(globalThis, 'localStorage');
    });

    const item = (id: string, name: string): Item => ({
      id,
      name,
      category: 'water',
      unit: unitOf(id),
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'k-admin',
    });

    it.each([
      ['water', 'Drinking water', 'Drinking water: 15 L a person a day, at most 300 L a household'],
      ['mosquito-net', 'Mosquito net', 'Mosquito net: 1 for every 2 people, at most 3 a household'],
      ['soap', 'Soap', 'Soap: 2 packs a person a month'],
    ])('describes the %s template with its cap', (id, name, words) => {
      expect(describeRule(template(id), item(id, name), (i) => i.name)).toBe(words);
    });
  });
});
