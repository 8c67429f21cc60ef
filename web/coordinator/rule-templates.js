// Ration rule templates: the examples of issue 12, offered where the catalogue has the item.
// Each is a rule as POST /v1/rounds takes it (shared/domain/entitlement-rules.ts).

/**
 * @typedef {{ itemId: string, amount: number, per: 'person-day' | 'person-month' | 'person' | 'household' | 'people', people?: number, max?: number }} Rule
 * @typedef {{ id: string, label: import('../common/i18n.js').MessageKey, rule: Rule }} RuleTemplate
 */

/** @type {RuleTemplate[]} */
export const ruleTemplates = [
  {
    id: 'rice',
    label: 'tpl.rice',
    rule: { itemId: 'rice', amount: 0.4, per: 'person-day' },
  },
  {
    id: 'water',
    label: 'tpl.water',
    rule: { itemId: 'water', amount: 15, per: 'person-day' },
  },
  {
    id: 'mosquito-net',
    label: 'tpl.net',
    rule: { itemId: 'mosquito-net', amount: 1, per: 'people', people: 2, max: 3 },
  },
  {
    id: 'sleeping-mat',
    label: 'tpl.mat',
    rule: { itemId: 'sleeping-mat', amount: 1, per: 'person', max: 6 },
  },
  {
    // 250 g a person a month in 125 g bars: two bars.
    id: 'soap',
    label: 'tpl.soap',
    rule: { itemId: 'soap', amount: 2, per: 'person-month' },
  },
];

/**
 * The templates whose item the shelter's catalogue has.
 * @param {ReadonlyArray<{ id: string }>} items
 */
export function availableTemplates(items) {
  const known = new Set(items.map((item) => item.id));
  return ruleTemplates.filter((template) => known.has(template.rule.itemId));
}
