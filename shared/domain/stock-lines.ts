import { z } from '@hono/zod-openapi';
import type { FieldError } from '../errors/app-errors.js';
import { type Item, unitIsCountable } from './item.js';
import { findPackSize, unitsInPacks } from './pack-size.js';
import { countedQuantitySchema, positiveQuantitySchema, signedQuantitySchema } from './quantity.js';
import { slugSchema } from './slug.js';
import type { PlannedLine } from './stock-change.js';

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
 * A received line: a `quantity` in the item's unit, or `packs` of one of the item's pack sizes
 * (`{ itemId, packs: 3, pack: 'case' }` is 72 when a case holds 24), never both.
 */
const receiptLineSchema = z
  .object({
    itemId: slugSchema,
    quantity: positiveQuantitySchema.optional().openapi({ description: 'In the item’s unit.' }),
    packs: z.number().int('a whole number of packs').min(1).max(1_000_000).optional().openapi({
      format: 'int32',
      description: 'How many packs arrived; with `pack`, instead of `quantity`.',
    }),
    pack: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .openapi({ description: 'The name of one of the item’s `packSizes` (`case`).' }),
  })
  .strict()
  .superRefine((line, ctx) => {
    const packed = line.packs !== undefined || line.pack !== undefined;
    if (line.quantity !== undefined && packed)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'send quantity, or packs and pack, not both',
      });
    else if (line.quantity === undefined && line.packs === undefined)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'send quantity, or packs and pack' });
    else if (line.quantity === undefined && line.pack === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['pack'],
        message: 'name the pack: one of the item’s pack sizes',
      });
  });

export const receiptLinesSchema = z
  .array(receiptLineSchema)
  .min(1)
  .max(MAX_LINES)
  .refine(uniqueItems, 'each item may appear only once');
export type ReceiptLine = z.infer<typeof receiptLineSchema>;

/**
 * Receipt lines in the item's unit: packs multiplied out by the item's pack size (the ledger keeps
 * how they were counted beside it). An item or pack the catalogue does not have is a field error.
 */
export function unpackLines(
  lines: readonly ReceiptLine[],
  catalogue: ReadonlyMap<string, Item>,
  path = 'lines',
): { lines: PlannedLine[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const planned = lines.map((line, index): PlannedLine => {
    if (line.quantity !== undefined || line.packs === undefined || line.pack === undefined)
      return { itemId: line.itemId, quantity: line.quantity ?? 0 };
    const item = catalogue.get(line.itemId);
    const size = findPackSize(item?.packSizes, line.pack);
    if (item !== undefined && size === undefined) {
      const known = (item.packSizes ?? []).map((s) => `"${s.name}"`).join(', ');
      errors.push({
        field: `${path}.${index}.pack`,
        message:
          known === ''
            ? `${item.id} has no pack sizes: send quantity, or add its pack sizes first`
            : `${item.id} comes in ${known}: name one of those, or send quantity`,
      });
    }
    const units = size?.units ?? 0;
    return {
      itemId: line.itemId,
      quantity: unitsInPacks(line.packs, { units }),
      packed: { packs: line.packs, pack: size?.name ?? line.pack, unitsPerPack: units },
    };
  });
  return { lines: planned, errors };
}

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
