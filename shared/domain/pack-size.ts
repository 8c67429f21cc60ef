import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { samePackName } from '../rules/packs.js';
import { positiveQuantitySchema } from './quantity.js';

/**
 * How an item arrives packed: a case of 24 bottles, a 25 kg sack. Stock is always kept in the
 * item's own unit; a pack size only says how many units one pack holds, so that "3 cases" can be
 * received as 72 without anyone doing the sum on a phone.
 */
export const MAX_PACK_SIZES = 10;

export const packSizeSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .openapi({ example: 'case', description: 'What the pack is called where it is counted.' }),
    units: positiveQuantitySchema.openapi({
      example: 24,
      description: 'How many of the item’s unit one pack holds (whole numbers for pieces and packs).',
    }),
  })
  .strict()
  .openapi('PackSize');
export type PackSize = z.infer<typeof packSizeSchema>;

export const packSizesSchema = z
  .array(packSizeSchema)
  .max(MAX_PACK_SIZES)
  .superRefine((sizes, ctx) => {
    sizes.forEach((size, index) => {
      if (sizes.findIndex((other) => samePackName(other.name, size.name)) !== index)
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${size.name}" is named twice` });
    });
  })
  .openapi({ description: 'Packs the item comes in; receipts may count in them (`packs` of a `pack`).' });

/**
 * Pieces and packs come in whole numbers: a case cannot hold 2.5 blankets. `countable` says the
 * item's unit is one of those (item.ts decides, which imports this module, so it is passed in).
 */
export function checkPackSizes(
  sizes: readonly PackSize[],
  unit: { name: string; countable: boolean },
  path = 'packSizes',
): FieldError[] {
  if (!unit.countable) return [];
  return sizes.flatMap((size, index) =>
    Number.isInteger(size.units)
      ? []
      : [
          {
            field: `${path}.${index}.units`,
            message: `the item is counted in ${unit.name}s: use a whole number`,
          },
        ],
  );
}

/** The pack maths the desk shares: pack-size.ts keeps the schema, shared/rules/packs.js the sums. */
export { findPackSize, unitsInPacks } from '../rules/packs.js';
