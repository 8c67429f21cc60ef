import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { type Item, unitIsCountable } from './item.js';
import { countedQuantitySchema, positiveQuantitySchema, signedQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';

/** One DynamoDB transaction holds at most 100 items; 50 lines leave room for the rest. */
export const MAX_LINES = 50;

function uniqueItems(lines: ReadonlyArray<{ itemId: unknown }>): boolean {
  return new Set(lines.map((line) => line.itemId)).size === lines.length;
}

/**
 * The one shape of a list of lines: 1 to `max` lines of `{itemId, ...shape}`, no unknown fields,
 * each item at most once (a second line for the same item is almost always a typing mistake).
 */
export function linesOf<T extends z.ZodRawShape>(shape: T, max = MAX_LINES) {
  return z
    .array(z.object({ itemId: slugSchema, ...shape }).strict())
    .min(1)
    .max(max)
    .refine((lines) => uniqueItems(lines as Array<{ itemId: unknown }>), 'each item may appear only once');
}

export const positiveLinesSchema = linesOf({ quantity: positiveQuantitySchema });
export const signedLinesSchema = linesOf({ quantity: signedQuantitySchema });
export const countLinesSchema = linesOf({ counted: countedQuantitySchema });

/**
 * Checks lines against the catalogue: every item must exist, and counted units (pieces, packs)
 * take whole numbers. Field paths are relative to the operation's input (`lines.0.itemId`).
 */
export function checkLinesAgainstCatalogue(
  lines: ReadonlyArray<{ itemId: string } & ({ quantity: number } | { counted: number })>,
  catalogue: ReadonlyMap<string, Item>,
  path = 'lines',
): FieldError[] {
  const errors: FieldError[] = [];
  lines.forEach((line, index) => {
    const item = catalogue.get(line.itemId);
    if (item === undefined) {
      errors.push({ field: `${path}.${index}.itemId`, message: `no item "${line.itemId}" in the catalogue` });
      return;
    }
    const [name, value] = 'quantity' in line ? ['quantity', line.quantity] : ['counted', line.counted];
    if (unitIsCountable(item.unit) && !Number.isInteger(value)) {
      errors.push({
        field: `${path}.${index}.${name}`,
        message: `${item.id} is counted in ${item.unit}s: use a whole number`,
      });
    }
  });
  return errors;
}
