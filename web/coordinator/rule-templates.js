// Ration rule templates offered where the catalogue has the item, none ticked until the
// coordinator chooses. Each is a rule exactly as POST /v1/rounds takes it, typed by the server's
// own schema (RationRule), and described on the page from its data (amount, basis, cap), so what
// the coordinator reads is what the server computes (test/unit/rule-templates.test.ts runs them
// through the server's computeEntitlement).
import './coordinator-messages.js';
import { formatAmount, t } from '../common/i18n.js';

/** @typedef {import('../common/api-types.js').RationRule} RationRule */
/** @typedef {import('../common/api-types.js').Item} Item */
/** @typedef {{ id: string, rule: RationRule, note?: import('../common/i18n.js').MessageKey }} RuleTemplate */

/** @type {RuleTemplate[]} */
export const ruleTemplates = [
  { id: 'rice', rule: { itemId: 'rice', amount: 0.4, per: 'person-day' } },
  // 15 L a person a day, capped per household: a family of four over two weeks would otherwise get
  // 840 L. 300 L is fifteen 20 L containers, what a family can carry home and keep.
  { id: 'water', rule: { itemId: 'water', amount: 15, per: 'person-day', max: 300 } },
  { id: 'mosquito-net', rule: { itemId: 'mosquito-net', amount: 1, per: 'people', people: 2, max: 3 } },
  { id: 'sleeping-mat', rule: { itemId: 'sleeping-mat', amount: 1, per: 'person', max: 6 } },
  // 250 g a person a month in 125 g bars: two bars.
  { id: 'soap', rule: { itemId: 'soap', amount: 2, per: 'person-month' }, note: 'tpl.soapNote' },
];

/**
 * The templates whose item the shelter's catalogue has.
 * @param {ReadonlyArray<{ id: string }>} items
 */
export function availableTemplates(items) {
  const known = new Set(items.map((item) => item.id));
  return ruleTemplates.filter((template) => known.has(template.rule.itemId));
}

/**
 * A rule in words, from its data: "Drinking water: 15 L a person a day, at most 300 L a household".
 * @param {RationRule} rule
 * @param {Item | undefined} item
 * @param {(item: Item) => string} nameOf the item's name in the chosen language
 */
export function describeRule(rule, item, nameOf) {
  const unit = item?.unit;
  const amount = formatAmount(rule.amount, unit);
  const basis =
    rule.per === 'people'
      ? t('rule.people', { amount, people: rule.people ?? 1 })
      : t(`rule.${rule.per}`, { amount });
  const parts = [
    basis,
    ...(rule.bands === undefined ? [] : [t('rule.bands')]),
    ...(rule.min === undefined ? [] : [t('rule.min', { min: formatAmount(rule.min, unit) })]),
    ...(rule.max === undefined ? [] : [t('rule.max', { max: formatAmount(rule.max, unit) })]),
  ];
  return `${item ? nameOf(item) : rule.itemId}: ${parts.join(', ')}`;
}
