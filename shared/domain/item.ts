import { z } from '@hono/zod-openapi';
import { gtin14, gtinProblem } from '../rules/gtin.js';
import type { Principal } from './api-key.js';
import { attributionFor, createdFields, updatedFields } from './attribution.js';
import { countToleranceSchema } from './count-tolerance.js';
import { packSizesSchema } from './pack-size.js';
import { slugSchema } from './slug.js';

export const itemCategorySchema = z
  .enum(['food', 'water', 'bedding', 'hygiene', 'other'])
  .openapi('ItemCategory');
export const itemUnitSchema = z.enum(['kg', 'L', 'piece', 'pack']).openapi('ItemUnit');

/** At most this many barcodes per item: one per pack and brand a shelter network really sees. */
export const MAX_BARCODES = 20;

/**
 * The GTINs printed on the item's packages (EAN-13, UPC-A, EAN-8, ITF-14), check digits checked.
 * A GTIN names one item in the whole catalogue, compared in its 14-digit form (`012345678905` and
 * `0012345678905` are one product): a second item claiming it is refused with 409.
 */
export const barcodesSchema = z
  .array(
    z
      .string()
      .trim()
      .max(14)
      .superRefine((value, ctx) => {
        const problem = gtinProblem(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .openapi({ example: '8851234567892' }),
  )
  .max(MAX_BARCODES)
  .superRefine((barcodes, ctx) => {
    barcodes.forEach((barcode, index) => {
      if (barcodes.findIndex((other) => gtin14(other) === gtin14(barcode)) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `${barcode} is listed twice` });
    });
  })
  .openapi({
    description:
      'GTINs on the item’s packages (8, 12, 13 or 14 digits, check digit checked). Each belongs to one item of the catalogue; a GTIN another item has is refused with 409 naming that item.',
  });

const itemNameKm = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .openapi({ description: 'Name in Khmer, printed on voucher slips and shown to volunteers.' });
const dailyNeed = z.number().positive().max(1000).openapi({
  description: 'Units one person needs per day (Sphere: water 15 L); enables days of cover.',
});

/** `/v1/items/by-code/{code}` would shadow this id's own paths (`/v1/items/by-code/label.svg`). */
const RESERVED_ITEM_IDS = new Set(['by-code']);

export const createItemSchema = z
  .object({
    id: slugSchema
      .refine((id) => !RESERVED_ITEM_IDS.has(id), 'this id is reserved for the API: choose another')
      .openapi({ example: 'rice' }),
    name: z.string().trim().min(1).max(200),
    nameKm: itemNameKm.optional(),
    category: itemCategorySchema,
    unit: itemUnitSchema,
    dailyNeedPerPerson: dailyNeed.optional(),
    barcodes: barcodesSchema.optional(),
    packSizes: packSizesSchema.optional(),
    countTolerance: countToleranceSchema.optional().openapi({
      description:
        'How far a count session may find this item off the books without a second person’s approval. Default: 2% or 1 unit, whichever is larger.',
    }),
  })
  .strict()
  .openapi('CreateItem');

export type CreateItemInput = z.infer<typeof createItemSchema>;

/**
 * What may change on an item. Not its id, unit or category: its balances and its ledger are kept
 * in that unit and filed under that category. `null` clears an optional field; a list replaces
 * the one stored (send the whole list of barcodes or pack sizes the item should have).
 */
export const updateItemSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    nameKm: itemNameKm.nullable(),
    dailyNeedPerPerson: dailyNeed.nullable(),
    barcodes: barcodesSchema,
    packSizes: packSizesSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .openapi('UpdateItem', {
    description:
      'Admins may change every field; logistics leads the barcodes and pack sizes only (what they meet receiving a truck). The id, unit and category never change.',
  });
export type ItemPatch = z.infer<typeof updateItemSchema>;

/** The fields a logistics lead may change: what is printed on the packages, not what the item is. */
export const PACKAGING_FIELDS: ReadonlySet<keyof ItemPatch> = new Set(['barcodes', 'packSizes']);

/** A catalogue item as stored. Parsed on every read: a malformed record fails loudly at the store. */
export const itemSchema = createItemSchema
  .extend({
    id: slugSchema,
    ...createdFields,
    ...updatedFields,
    /** Bumped by every update: an update is written only over the revision it was planned from. */
    revision: z.number().int().min(0),
  })
  .partial({ updatedAt: true, updatedBy: true, revision: true })
  .strict();

/** An item as the API shows it: `createdBy` and `updatedBy` (key ids) to admins only. */
export const itemViewSchema = itemSchema
  .omit({ revision: true })
  .partial({ createdBy: true, updatedBy: true })
  .openapi('Item');

export type Item = z.infer<typeof itemSchema>;
export type ItemView = z.infer<typeof itemViewSchema>;

export function itemView(item: Item, viewer: Pick<Principal, 'role'>): ItemView {
  const { revision: _revision, ...shown } = item;
  return attributionFor(shown, viewer);
}

export type ItemUnit = z.infer<typeof itemUnitSchema>;

/** Pieces and packs are counted, not weighed: their quantities must be whole numbers. */
export function unitIsCountable(unit: ItemUnit): boolean {
  return unit === 'piece' || unit === 'pack';
}

/** The item a patch makes of `current`: fields sent replace, `null` removes; who changed it and when. */
export function applyItemPatch(
  current: Item,
  patch: ItemPatch,
  change: Required<Pick<Item, 'updatedAt' | 'updatedBy'>>,
): Item {
  const next: Item = { ...current, ...change };
  for (const [field, value] of Object.entries(patch) as Array<[keyof ItemPatch, unknown]>) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else Object.assign(next, { [field]: value });
  }
  return next;
}
