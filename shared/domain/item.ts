import { z } from '@hono/zod-openapi';
import type { Principal } from './api-key.js';
import { attributionFor, createdFields } from './attribution.js';
import { countToleranceSchema } from './count-tolerance.js';
import { slugSchema } from './slug.js';

export const itemCategorySchema = z
  .enum(['food', 'water', 'bedding', 'hygiene', 'other'])
  .openapi('ItemCategory');
export const itemUnitSchema = z.enum(['kg', 'L', 'piece', 'pack']).openapi('ItemUnit');

export const createItemSchema = z
  .object({
    id: slugSchema.openapi({ example: 'rice' }),
    name: z.string().trim().min(1).max(200),
    nameKm: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Name in Khmer, printed on voucher slips and shown to volunteers.' }),
    category: itemCategorySchema,
    unit: itemUnitSchema,
    dailyNeedPerPerson: z.number().positive().max(1000).optional().openapi({
      description: 'Units one person needs per day (Sphere: water 15 L); enables days of cover.',
    }),
    countTolerance: countToleranceSchema.optional().openapi({
      description:
        'How far a count session may find this item off the books without a second person’s approval. Default: 2% or 1 unit, whichever is larger.',
    }),
  })
  .strict()
  .openapi('CreateItem');

export type CreateItemInput = z.infer<typeof createItemSchema>;

/** A catalogue item as stored. Parsed on every read: a malformed record fails loudly at the store. */
export const itemSchema = createItemSchema.extend(createdFields).strict();

/** An item as the API shows it: `createdBy` (a key id) to admins only. */
export const itemViewSchema = itemSchema.partial({ createdBy: true }).openapi('Item');

export type Item = z.infer<typeof itemSchema>;
export type ItemView = z.infer<typeof itemViewSchema>;

export function itemView(item: Item, viewer: Pick<Principal, 'role'>): ItemView {
  return attributionFor(item, viewer);
}

export type ItemUnit = z.infer<typeof itemUnitSchema>;

/** Pieces and packs are counted, not weighed: their quantities must be whole numbers. */
export function unitIsCountable(unit: ItemUnit): boolean {
  return unit === 'piece' || unit === 'pack';
}
