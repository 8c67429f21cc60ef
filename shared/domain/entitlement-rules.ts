import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { type Item, unitIsCountable } from './item.js';
import { positiveQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';

/**
 * A ration rule: what one household receives of one item in a distribution round, as data.
 * `per` says what `amount` is counted in:
 * - `person-day`: per person per day of the round (rice 0.4 kg, water 15 L);
 * - `person-month`: per person per 30 days of the round (soap: 2 bars of 125 g a month);
 * - `person`: per person, once per round (a sleeping mat each);
 * - `household`: per household, once per round;
 * - `people`: per started group of `people` persons (a mosquito net per 2 people).
 * `bands` replace `amount` for households up to a size (the first band that fits wins; above the
 * last band, `amount` applies). `min` and `max` bound what one household receives, in the
 * item's unit. The result is rounded to what the unit allows: whole pieces and packs (up by
 * default, so nobody gets less than the rule), kilograms and litres to 0.1 (nearest by default).
 */
export const rationBasisSchema = z
  .enum(['person-day', 'person-month', 'person', 'household', 'people'])
  .openapi('RationBasis');
export type RationBasis = z.infer<typeof rationBasisSchema>;

export const roundingSchema = z.enum(['up', 'down', 'nearest']).openapi('RationRounding');
export type Rounding = z.infer<typeof roundingSchema>;

const MAX_HOUSEHOLD = 50;
const MAX_BANDS = 10;
export const MAX_RULES = 20;

const bandSchema = z
  .object({
    upToHouseholdSize: z.number().int().min(1).max(MAX_HOUSEHOLD).openapi({ format: 'int32' }),
    amount: z.number().min(0).max(1_000_000),
  })
  .strict();

export const rationRuleSchema = z
  .object({
    itemId: slugSchema,
    amount: positiveQuantitySchema,
    per: rationBasisSchema,
    people: z.number().int().min(1).max(MAX_HOUSEHOLD).optional().openapi({ format: 'int32' }),
    min: z
      .number()
      .min(0)
      .max(1_000_000)
      .optional()
      .openapi({ description: 'The least one household receives of this item, in its unit.' }),
    max: z.number().positive().max(1_000_000).optional().openapi({
      description:
        'The most one household receives of this item, in its unit: a cap per household (water at most 300 L, whatever the family size and the round’s length).',
    }),
    bands: z.array(bandSchema).min(1).max(MAX_BANDS).optional(),
    round: roundingSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.per === 'people' && rule.people === undefined) {
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'required when per is "people"' });
    }
    if (rule.per !== 'people' && rule.people !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'only used when per is "people"' });
    }
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'must not be more than max' });
    }
    rule.bands?.forEach((band, index) => {
      const previous = rule.bands?.[index - 1];
      if (previous !== undefined && band.upToHouseholdSize <= previous.upToHouseholdSize) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', index, 'upToHouseholdSize'],
          message: 'bands go from small households to large, each size once',
        });
      }
    });
  })
  .openapi('RationRule');
export type RationRule = z.infer<typeof rationRuleSchema>;

export const rationRulesSchema = z
  .array(rationRuleSchema)
  .min(1)
  .max(MAX_RULES)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.itemId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'itemId'], message: 'one rule per item' });
      }
      seen.add(rule.itemId);
    });
  });

/**
 * What the schema cannot know: every item exists, and bounds of counted items are whole numbers
 * (a maximum of 2.5 nets cannot be handed over). Paths are relative to the rules list's owner.
 */
export function checkRulesAgainstCatalogue(
  rules: readonly RationRule[],
  catalogue: ReadonlyMap<string, Item>,
  path = 'rules',
): FieldError[] {
  return rules.flatMap((rule, index) => {
    const item = catalogue.get(rule.itemId);
    if (item === undefined) {
      return [{ field: `${path}.${index}.itemId`, message: `no item "${rule.itemId}" in the catalogue` }];
    }
    if (!unitIsCountable(item.unit)) return [];
    return (['min', 'max'] as const)
      .filter((bound) => rule[bound] !== undefined && !Number.isInteger(rule[bound]))
      .map((bound) => ({
        field: `${path}.${index}.${bound}`,
        message: `${item.id} is counted in ${item.unit}s: use a whole number`,
      }));
  });
}
